import type { TFrameworkId } from "@/lib/schemas/findings";

// Which controls each posture rule bears on, per framework: a finding of the rule is evidence of a
// gap in those controls. Kept as data so auditors can review the mapping beside the catalog.
// Notes on judgement calls:
// - BM-NHI-012 (automation using a person's token) maps to NHI10:2025 Human Use of NHI: the same
//   failure to keep human and machine credentials apart, seen from the other side.
// - Least privilege (CSF 1.1 PR.AC-4) is cited as its CSF 2.0 successor PR.AA-05.
export const RULE_CONTROLS: Record<string, Record<TFrameworkId, string[]>> = {
  "BM-NHI-001": {
    "owasp-nhi": ["NHI7:2025", "NHI2:2025"],
    "nist-csf-2": ["PR.AA-01", "PR.AA-03", "PR.PS-06"],
    "nist-ai-rmf": ["MEASURE 2.7", "MANAGE 2.4"],
  },
  "BM-NHI-002": {
    "owasp-nhi": ["NHI2:2025", "NHI8:2025"],
    "nist-csf-2": ["PR.PS-05", "PR.PS-06", "GV.SC-07"],
    "nist-ai-rmf": ["MAP 4.2", "MANAGE 3.1"],
  },
  "BM-NHI-003": {
    "owasp-nhi": ["NHI8:2025", "NHI6:2025"],
    "nist-csf-2": ["PR.PS-01", "PR.AA-05", "DE.CM-09"],
    "nist-ai-rmf": ["MEASURE 2.7"],
  },
  "BM-NHI-004": {
    "owasp-nhi": ["NHI3:2025", "NHI4:2025"],
    "nist-csf-2": ["GV.SC-04", "GV.SC-07", "ID.RA-09", "DE.CM-06"],
    "nist-ai-rmf": ["GOVERN 6.1", "MAP 4.1", "MANAGE 3.1"],
  },
  "BM-NHI-005": {
    "owasp-nhi": ["NHI1:2025"],
    "nist-csf-2": ["PR.AA-01", "ID.AM-02"],
    "nist-ai-rmf": ["GOVERN 1.6", "GOVERN 2.1"],
  },
  "BM-NHI-006": {
    "owasp-nhi": ["NHI1:2025"],
    "nist-csf-2": ["ID.AM-08", "PR.AA-01", "DE.CM-03"],
    "nist-ai-rmf": ["GOVERN 1.7", "MEASURE 2.4"],
  },
  "BM-NHI-007": {
    "owasp-nhi": ["NHI7:2025"],
    "nist-csf-2": ["PR.AA-01", "ID.AM-08"],
    "nist-ai-rmf": ["MEASURE 2.7"],
  },
  "BM-NHI-008": {
    "owasp-nhi": ["NHI5:2025"],
    "nist-csf-2": ["PR.AA-05"],
    "nist-ai-rmf": ["MAP 4.2"],
  },
  "BM-NHI-009": {
    "owasp-nhi": ["NHI9:2025"],
    "nist-csf-2": ["PR.AA-01", "PR.AA-05"],
    "nist-ai-rmf": ["MAP 4.2"],
  },
  "BM-NHI-010": {
    "owasp-nhi": ["NHI3:2025"],
    "nist-csf-2": ["GV.SC-07", "ID.RA-09", "PR.PS-02"],
    "nist-ai-rmf": ["GOVERN 6.1", "MAP 4.1", "MANAGE 3.1"],
  },
  "BM-NHI-011": {
    "owasp-nhi": ["NHI7:2025", "NHI6:2025"],
    "nist-csf-2": ["PR.AA-01", "PR.AA-04", "PR.PS-01"],
    "nist-ai-rmf": ["MEASURE 2.7"],
  },
  "BM-NHI-012": {
    "owasp-nhi": ["NHI10:2025", "NHI4:2025"],
    "nist-csf-2": ["PR.AA-02", "PR.AA-05"],
    "nist-ai-rmf": ["GOVERN 2.1"],
  },
};
