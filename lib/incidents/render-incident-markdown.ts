import type { TIncident } from "@/lib/schemas/incident";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { reviewStatus, rotationStatus } from "./rotation-status";

// The incident report as Markdown: what a commander attaches to a ticket or a post-mortem.

type Summary = TRadiusResult["summary"];
const FIGURES: [string, (summary: Summary) => number][] = [
  ["Nodes reached", (s) => s.total],
  ["Reached now", (s) => s.now],
  ["Reached only on the next resolve", (s) => s.total - s.now],
  ["Secrets", (s) => s.countsByKind.secret ?? 0],
  ["Identities", (s) => s.countsByKind.identity ?? 0],
  ["Long-lived identities", (s) => s.longLivedIdentities.length],
  ["Systems", (s) => s.countsByKind.system ?? 0],
  ["Critical systems", (s) => s.systemsByCriticality.critical ?? 0],
  ["Republishable packages", (s) => s.republishablePackages.length],
  ["CI jobs and workstations", (s) => s.countsByKind.context ?? 0],
];

export function radiusFigures(original: Summary, residual: Summary | null): { label: string; original: number; residual: number | null }[] {
  return FIGURES.map(([label, figure]) => ({ label, original: figure(original), residual: residual ? figure(residual) : null }));
}

/**
 * Text from the graph (imported names and keys, reasons quoting them) and from people (titles,
 * notes) as inert inline Markdown, safe in a table cell, a heading and a list item: one line, no
 * HTML (`<`, `>`, `&` as entities), no cell break (`|`), no code span, emphasis, strikethrough or
 * link (`[`, `]`, `(`, `)`, bare `https://` / `www.` autolinks), and nothing at its start that
 * would open a block (`#`, `-`, `+`, `=`, `1.`). Backslash escapes render as the character itself.
 */
export function markdownText(text: string): string {
  const inline = text
    .replace(/\s+/g, " ")
    .trim()
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replace(/[\\`*[\]()|~!#]/g, "\\$&")
    // `_` between two letters or digits can neither open nor close emphasis (CommonMark 6.2), so
    // GITHUB_TOKEN stays readable; anywhere else it is escaped.
    .replace(/_/g, (underscore, at: number, whole: string) =>
      /[\p{L}\p{N}]/u.test(whole[at - 1] ?? "") && /[\p{L}\p{N}]/u.test(whole[at + 1] ?? "") ? underscore : "\\_",
    )
    .replace(/:\/\//g, "&#58;//")
    .replace(/\b(www)\./gi, "$1&#46;");
  return inline.replace(/^([-+=])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}
const cell = markdownText;
const day = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "open");

export function renderIncidentMarkdown(incident: TIncident, residual: TRadiusResult | null, generatedAt: Date): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(`# Incident #${incident.id}: ${markdownText(incident.title)}`, "");
  push(
    `- **Status:** ${incident.status}`,
    `- **Severity:** ${incident.severity}`,
    `- **Commander:** ${markdownText(incident.commander)}`,
    `- **Compromise window:** ${day(incident.windowStart)} – ${day(incident.windowEnd)}`,
    `- **Source:** ${markdownText([...incident.sourceRefs, ...incident.advisoryIds.map((id) => `advisory ${id}`)].join(", "))}`,
    `- **Opened:** ${day(incident.createdAt)} by ${markdownText(incident.createdBy)} (graph version ${incident.graphVersionAtOpen})`,
    `- **Report generated:** ${day(generatedAt.toISOString())}`,
    "",
  );
  push("## Blast radius", "", "| Figure | At opening | Residual (excluding rotated) |", "|---|---:|---:|");
  for (const figure of radiusFigures(incident.snapshot.summary, residual?.summary ?? null)) {
    push(`| ${figure.label} | ${figure.original} | ${figure.residual ?? "—"} |`);
  }
  push("");
  const status = rotationStatus(incident);
  const reviews = status.filter((row) => row.action === "review");
  const reviewed = reviews.filter((row) => reviewStatus(incident, row)?.done).length;
  push(
    "## Rotation status",
    "",
    `${status.filter((row) => row.rotation).length} of ${status.length} secrets and identities in the rotation plan rotated or revoked.` +
      (reviews.length ? ` ${reviews.length} of them are ephemeral job tokens that expired at job end — to review, not rotate (${reviewed} reviewed).` : ""),
    "",
    "| # | Credential | Action | Timing | Reason | Status | By | When | Note |",
    "|---:|---|---|---|---|---|---|---|---|",
  );
  for (const row of status) {
    const review = row.action === "review" ? reviewStatus(incident, row) : null;
    const state = row.rotation ? row.rotation.action : review?.done ? "reviewed" : row.action === "review" ? "to review" : "pending";
    const by = row.rotation?.by ?? review?.doneBy ?? "";
    const at = row.rotation ? day(row.rotation.at) : review?.done ? day(review.doneAt) : "";
    const members = row.members.filter((member) => member.key !== row.key).map((member) => member.key);
    push(
      `| ${row.rank ?? "—"} | ${cell(row.name)} (${cell(row.key)})${members.length ? `, with ${members.map(cell).join(", ")}` : ""} | ${row.action === "review" ? "review: expired at job end" : (row.action ?? "—")} | ${row.timing === "next-resolve" ? "next resolve" : (row.timing ?? "—")} | ${cell(row.reason ?? "")} | ${state} | ${cell(by)} | ${at} | ${cell(row.rotation?.note ?? "")} |`,
    );
  }
  push("", "## Response checklist", "");
  for (const item of incident.checklist)
    push(`- [${item.done ? "x" : " "}] ${markdownText(item.text)}${item.done && item.doneBy ? ` _(${markdownText(item.doneBy)}, ${day(item.doneAt)})_` : ""}`);
  push("", "## Timeline", "");
  for (const event of incident.events)
    push(`- ${day(event.at)} — **${markdownText(event.type)}** by ${markdownText(event.actor)}${describeDetails(event.details)}`);
  push("");
  return lines.join("\n");
}

function describeDetails(details: Record<string, unknown>): string {
  const text = typeof details.summary === "string" ? details.summary : null;
  return text ? `: ${markdownText(text)}` : "";
}
