import type { FrameworkCatalog } from "./framework-catalog";

// The CSF 2.0 subcategories Blastmap's evidence bears on (not the whole Core). Outcome statements
// are verbatim. CSF 2.0 withdrew the PR.AC category: CSF 1.1's PR.AC-4 (least privilege) is now
// PR.AA-05 ("PR.AC-04 … Withdrawn: Moved to PR.AA-05"), so it appears here only as PR.AA-05.
// Checked against reproductions of the CSF 2.0 Core from NIST's Cybersecurity and Privacy
// Reference Tool (csf.tools, kjoelensecurity.com/csf, peaches.cloud): the NIST PDF itself was not
// reachable from the machine the catalog was written on.
const GV_SC = "GOVERN · Cybersecurity Supply Chain Risk Management (GV.SC)";
const ID_AM = "IDENTIFY · Asset Management (ID.AM)";
const ID_RA = "IDENTIFY · Risk Assessment (ID.RA)";
const PR_AA = "PROTECT · Identity Management, Authentication, and Access Control (PR.AA)";
const PR_PS = "PROTECT · Platform Security (PR.PS)";
const DE_CM = "DETECT · Continuous Monitoring (DE.CM)";
const RS_AN = "RESPOND · Incident Analysis (RS.AN)";
const RS_MI = "RESPOND · Incident Mitigation (RS.MI)";

export const NIST_CSF_2: FrameworkCatalog = {
  id: "nist-csf-2",
  name: "NIST Cybersecurity Framework",
  version: "2.0",
  source: {
    publication: "NIST CSWP 29, The NIST Cybersecurity Framework (CSF) 2.0, February 26, 2024",
    url: "https://doi.org/10.6028/NIST.CSWP.29",
    scope:
      "The CSF 2.0 subcategories that bear on non-human identities and the software supply chain, not the whole Core. Outcome statements are quoted verbatim; least privilege, PR.AC-4 in CSF 1.1, appears as its CSF 2.0 successor PR.AA-05.",
  },
  controls: [
    { id: "GV.SC-04", group: GV_SC, title: "Suppliers are known and prioritized by criticality" },
    {
      id: "GV.SC-07",
      group: GV_SC,
      title:
        "The risks posed by a supplier, their products and services, and other third parties are understood, recorded, prioritized, assessed, responded to, and monitored over the course of the relationship",
    },
    { id: "GV.SC-08", group: GV_SC, title: "Relevant suppliers and other third parties are included in incident planning, response, and recovery activities" },
    {
      id: "GV.SC-09",
      group: GV_SC,
      title:
        "Supply chain security practices are integrated into cybersecurity and enterprise risk management programs, and their performance is monitored throughout the technology product and service life cycle",
    },
    {
      id: "GV.SC-10",
      group: GV_SC,
      title:
        "Cybersecurity supply chain risk management plans include provisions for activities that occur after the conclusion of a partnership or service agreement",
    },
    { id: "ID.AM-02", group: ID_AM, title: "Inventories of software, services, and systems managed by the organization are maintained" },
    { id: "ID.AM-05", group: ID_AM, title: "Assets are prioritized based on classification, criticality, resources, and impact on the mission" },
    { id: "ID.AM-08", group: ID_AM, title: "Systems, hardware, software, services, and data are managed throughout their life cycles" },
    { id: "ID.RA-09", group: ID_RA, title: "The authenticity and integrity of hardware and software are assessed prior to acquisition and use" },
    { id: "PR.AA-01", group: PR_AA, title: "Identities and credentials for authorized users, services, and hardware are managed by the organization" },
    { id: "PR.AA-02", group: PR_AA, title: "Identities are proofed and bound to credentials based on the context of interactions" },
    { id: "PR.AA-03", group: PR_AA, title: "Users, services, and hardware are authenticated" },
    { id: "PR.AA-04", group: PR_AA, title: "Identity assertions are protected, conveyed, and verified" },
    {
      id: "PR.AA-05",
      group: PR_AA,
      title:
        "Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties",
      note: "CSF 1.1 PR.AC-4 (least privilege) was withdrawn in CSF 2.0 and moved here; controls cited as “PR.AC-4” map to PR.AA-05.",
    },
    { id: "PR.PS-01", group: PR_PS, title: "Configuration management practices are established and applied" },
    { id: "PR.PS-02", group: PR_PS, title: "Software is maintained, replaced, and removed commensurate with risk" },
    { id: "PR.PS-05", group: PR_PS, title: "Installation and execution of unauthorized software are prevented" },
    {
      id: "PR.PS-06",
      group: PR_PS,
      title: "Secure software development practices are integrated, and their performance is monitored throughout the software development life cycle",
    },
    { id: "DE.CM-03", group: DE_CM, title: "Personnel activity and technology usage are monitored to find potentially adverse events" },
    { id: "DE.CM-06", group: DE_CM, title: "External service provider activities and services are monitored to find potentially adverse events" },
    {
      id: "DE.CM-09",
      group: DE_CM,
      title: "Computing hardware and software, runtime environments, and their data are monitored to find potentially adverse events",
    },
    { id: "RS.AN-03", group: RS_AN, title: "Analysis is performed to establish what has taken place during an incident and the root cause of the incident" },
    {
      id: "RS.AN-08",
      group: RS_AN,
      title: "An incident's magnitude is estimated and validated",
      note: "Evidenced by incidents: the blast radius snapshotted at opening and recomputed against today's graph.",
    },
    { id: "RS.MI-01", group: RS_MI, title: "Incidents are contained", note: "Evidenced by incidents: rotation tracking and the residual radius." },
    { id: "RS.MI-02", group: RS_MI, title: "Incidents are eradicated", note: "Evidenced by incidents: rotation tracking and the residual radius." },
  ],
};
