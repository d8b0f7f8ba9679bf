import type { FrameworkCatalog } from "./framework-catalog";

// AI RMF 1.0 subcategories that apply to governing automated build and release identities (the
// non-human actors of an AI system's — or any system's — delivery pipeline). Statements verbatim
// from NIST AI 100-1, Tables 1–4. Checked against reproductions of those tables and the AI RMF
// Playbook (learn.daydream.ai, myctrl.tools, secframe.arnav.au, an extract of the PDF's Table 4):
// the NIST PDF itself was not reachable from the machine the catalog was written on.
export const NIST_AI_RMF_1: FrameworkCatalog = {
  id: "nist-ai-rmf",
  name: "NIST AI Risk Management Framework",
  version: "1.0",
  source: {
    publication: "NIST AI 100-1, Artificial Intelligence Risk Management Framework (AI RMF 1.0), January 2023",
    url: "https://doi.org/10.6028/NIST.AI.100-1",
    scope:
      "The AI RMF 1.0 subcategories that bear on governing the automated identities of build and release pipelines, not the whole framework. Statements are quoted verbatim from NIST AI 100-1, Tables 1–4.",
  },
  controls: [
    {
      id: "GOVERN 1.6",
      group: "GOVERN 1",
      title: "Mechanisms are in place to inventory AI systems and are resourced according to organizational risk priorities.",
    },
    {
      id: "GOVERN 1.7",
      group: "GOVERN 1",
      title:
        "Processes and procedures are in place for decommissioning and phasing out AI systems safely and in a manner that does not increase risks or decrease the organization's trustworthiness.",
    },
    {
      id: "GOVERN 2.1",
      group: "GOVERN 2",
      title:
        "Roles and responsibilities and lines of communication related to mapping, measuring, and managing AI risks are documented and are clear to individuals and teams throughout the organization.",
    },
    {
      id: "GOVERN 6.1",
      group: "GOVERN 6",
      title:
        "Policies and procedures are in place that address AI risks associated with third-party entities, including risks of infringement of a third-party's intellectual property or other rights.",
    },
    {
      id: "GOVERN 6.2",
      group: "GOVERN 6",
      title: "Contingency processes are in place to handle failures or incidents in third-party data or AI systems deemed to be high-risk.",
    },
    {
      id: "MAP 4.1",
      group: "MAP 4",
      title:
        "Approaches for mapping AI technology and legal risks of its components – including the use of third-party data or software – are in place, followed, and documented, as are risks of infringement of a third party's intellectual property or other rights.",
    },
    {
      id: "MAP 4.2",
      group: "MAP 4",
      title: "Internal risk controls for components of the AI system, including third-party AI technologies, are identified and documented.",
    },
    {
      id: "MEASURE 2.4",
      group: "MEASURE 2",
      title: "The functionality and behavior of the AI system and its components – as identified in the MAP function – are monitored when in production.",
    },
    { id: "MEASURE 2.7", group: "MEASURE 2", title: "AI system security and resilience – as identified in the MAP function – are evaluated and documented." },
    {
      id: "MANAGE 2.3",
      group: "MANAGE 2",
      title: "Procedures are followed to respond to and recover from a previously unknown risk when it is identified.",
      note: "Evidenced by incidents (response checklist, rotation tracking).",
    },
    {
      id: "MANAGE 2.4",
      group: "MANAGE 2",
      title:
        "Mechanisms are in place and applied, and responsibilities are assigned and understood, to supersede, disengage, or deactivate AI systems that demonstrate performance or outcomes inconsistent with intended use.",
    },
    {
      id: "MANAGE 3.1",
      group: "MANAGE 3",
      title: "AI risks and benefits from third-party resources are regularly monitored, and risk controls are applied and documented.",
    },
    {
      id: "MANAGE 4.1",
      group: "MANAGE 4",
      title:
        "Post-deployment AI system monitoring plans are implemented, including mechanisms for capturing and evaluating input from users and other relevant AI actors, appeal and override, decommissioning, incident response, recovery, and change management.",
    },
  ],
};
