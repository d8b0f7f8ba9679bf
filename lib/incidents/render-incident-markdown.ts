import type { TIncident } from "@/lib/schemas/incident";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { rotationStatus } from "./rotation-status";

// The incident report as Markdown: what a commander attaches to a ticket or a post-mortem.

type Summary = TRadiusResult["summary"];
const FIGURES: [string, (summary: Summary) => number][] = [
  ["Nodes reached", (s) => s.total],
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

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
const day = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "open");

export function renderIncidentMarkdown(incident: TIncident, residual: TRadiusResult | null, generatedAt: Date): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  push(`# Incident #${incident.id}: ${incident.title}`, "");
  push(
    `- **Status:** ${incident.status}`,
    `- **Severity:** ${incident.severity}`,
    `- **Commander:** ${incident.commander}`,
    `- **Compromise window:** ${day(incident.windowStart)} – ${day(incident.windowEnd)}`,
    `- **Source:** ${[...incident.sourceRefs, ...incident.advisoryIds.map((id) => `advisory ${id}`)].join(", ")}`,
    `- **Opened:** ${day(incident.createdAt)} by ${incident.createdBy} (graph version ${incident.graphVersionAtOpen})`,
    `- **Report generated:** ${day(generatedAt.toISOString())}`,
    "",
  );
  push("## Blast radius", "", "| Figure | At opening | Residual (excluding rotated) |", "|---|---:|---:|");
  for (const figure of radiusFigures(incident.snapshot.summary, residual?.summary ?? null)) {
    push(`| ${figure.label} | ${figure.original} | ${figure.residual ?? "—"} |`);
  }
  push("");
  const status = rotationStatus(incident);
  push(
    "## Rotation status",
    "",
    `${status.filter((row) => row.rotation).length} of ${status.length} secrets and identities in the rotation plan rotated or revoked.`,
    "",
    "| # | Secret or identity | Reason | Status | By | When | Note |",
    "|---:|---|---|---|---|---|---|",
  );
  for (const row of status) {
    push(
      `| ${row.rank ?? "—"} | ${cell(`${row.name} (${row.key})`)} | ${cell(row.reason ?? "")} | ${row.rotation ? row.rotation.action : "pending"} | ${cell(row.rotation?.by ?? "")} | ${row.rotation ? day(row.rotation.at) : ""} | ${cell(row.rotation?.note ?? "")} |`,
    );
  }
  push("", "## Response checklist", "");
  for (const item of incident.checklist) push(`- [${item.done ? "x" : " "}] ${item.text}${item.done && item.doneBy ? ` _(${item.doneBy}, ${day(item.doneAt)})_` : ""}`);
  push("", "## Timeline", "");
  for (const event of incident.events) push(`- ${day(event.at)} — **${event.type}** by ${event.actor}${describeDetails(event.details)}`);
  push("");
  return lines.join("\n");
}

function describeDetails(details: Record<string, unknown>): string {
  const text = typeof details.summary === "string" ? details.summary : null;
  return text ? `: ${text}` : "";
}
