import type { TFrameworkId } from "@/lib/schemas/findings";
import type { FrameworkCatalog } from "./framework-catalog";
import { NIST_AI_RMF_1 } from "./nist-ai-rmf-1";
import { NIST_CSF_2 } from "./nist-csf-2";
import { OWASP_NHI_2025 } from "./owasp-nhi-2025";

export const FRAMEWORKS: Record<TFrameworkId, FrameworkCatalog> = {
  "owasp-nhi": OWASP_NHI_2025,
  "nist-csf-2": NIST_CSF_2,
  "nist-ai-rmf": NIST_AI_RMF_1,
};
