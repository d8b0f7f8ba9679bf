import type { TFinding, TSeverity } from "@/lib/schemas/findings";
import type { PostureIndex } from "../posture-snapshot";

/** One posture rule: stable id and wording as data, plus a pure function over the graph. */
export interface PostureRule {
  /** stable: BM-NHI-001 … never renumbered, so suppressions and SARIF fingerprints survive */
  id: string;
  title: string;
  severity: TSeverity;
  description: string;
  remediation: string;
  evaluate(index: PostureIndex, now: Date): TFinding[];
}
