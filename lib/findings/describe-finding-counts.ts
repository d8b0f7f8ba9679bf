import { SEVERITIES, type TSeverity } from "@/lib/schemas/findings";

/** A count with its noun: 1 finding, 7 findings. */
export const countOf = (count: number, noun: string, plural = `${noun}s`) => `${count.toLocaleString("en-US")} ${count === 1 ? noun : plural}`;

/**
 * The severities of a set of findings, most severe first, each with its count and the words to
 * show: "7 findings: 4 medium, 3 low" rather than numbers next to coloured badges.
 */
export function describeFindingCounts(total: number, bySeverity: Partial<Record<TSeverity, number>>) {
  const parts = SEVERITIES.filter((severity) => (bySeverity[severity] ?? 0) > 0).map((severity) => ({
    severity,
    count: bySeverity[severity]!,
    text: `${bySeverity[severity]!.toLocaleString("en-US")} ${severity}`,
  }));
  const heading = countOf(total, "finding");
  return { heading, parts, text: parts.length > 0 ? `${heading}: ${parts.map((part) => part.text).join(", ")}` : heading };
}
