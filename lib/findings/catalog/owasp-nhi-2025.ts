import type { FrameworkCatalog } from "./framework-catalog";

// Titles as published by the OWASP Non-Human Identities Top 10 project for 2025. Some third-party
// pages circulate different titles; these are the project's own.
export const OWASP_NHI_2025: FrameworkCatalog = {
  id: "owasp-nhi",
  name: "OWASP Non-Human Identities Top 10",
  version: "2025",
  source: {
    publication: "OWASP Non-Human Identities Top 10 – 2025",
    url: "https://owasp.org/www-project-non-human-identities-top-10/2025/top-10-2025",
    verification:
      "NHI1:2025–NHI5:2025 compared with the project's own page (owasp.org, Top 10 Non-Human Identities Risks – 2025); NHI6:2025–NHI10:2025 as given in the issue, which checked them against the published list (the stored copy of the OWASP page available here ends at NHI5).",
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
