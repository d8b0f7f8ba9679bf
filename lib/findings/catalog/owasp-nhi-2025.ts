import type { FrameworkCatalog } from "./framework-catalog";

// Titles as published by the OWASP Non-Human Identities Top 10 project for 2025. Some third-party
// pages circulate different titles; these are the project's own. NHI1–NHI5 were compared with the
// project's page; NHI6–NHI10 as the issue gave them, checked there against the published list
// (the stored copy of the OWASP page available when the catalog was written ends at NHI5).
export const OWASP_NHI_2025: FrameworkCatalog = {
  id: "owasp-nhi",
  name: "OWASP Non-Human Identities Top 10",
  version: "2025",
  source: {
    publication: "OWASP Non-Human Identities Top 10 – 2025",
    url: "https://owasp.org/www-project-non-human-identities-top-10/2025/top-10-2025",
    scope:
      "All ten risks of the 2025 list, with the titles the OWASP project publishes. Each risk is assessed through the posture rules mapped to it; a risk no rule bears on is reported as not assessed.",
  },
  controls: [
    { id: "NHI1:2025", title: "Improper Offboarding", group: "OWASP NHI Top 10" },
    { id: "NHI2:2025", title: "Secret Leakage", group: "OWASP NHI Top 10" },
    { id: "NHI3:2025", title: "Vulnerable Third-Party NHI", group: "OWASP NHI Top 10" },
    { id: "NHI4:2025", title: "Insecure Authentication", group: "OWASP NHI Top 10" },
    { id: "NHI5:2025", title: "Overprivileged NHI", group: "OWASP NHI Top 10" },
    { id: "NHI6:2025", title: "Insecure Cloud Deployment Configurations", group: "OWASP NHI Top 10" },
    { id: "NHI7:2025", title: "Long-Lived Secrets", group: "OWASP NHI Top 10" },
    { id: "NHI8:2025", title: "Environment Isolation", group: "OWASP NHI Top 10" },
    { id: "NHI9:2025", title: "NHI Reuse", group: "OWASP NHI Top 10" },
    { id: "NHI10:2025", title: "Human Use of NHI", group: "OWASP NHI Top 10" },
  ],
};
