import type { TAuditEvent } from "@/lib/schemas/audit";

const COLUMNS = ["id", "at", "actorKind", "actorId", "actorName", "action", "target", "ip", "userAgent", "before", "after"] as const;

// Spreadsheet apps execute cells starting with = + - @ (CSV injection); imported names and
// user agents are attacker-controlled, so such cells get a leading apostrophe.
function csvCell(value: unknown): string {
  let text = value == null ? "" : value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatAuditCsv(events: TAuditEvent[]): string {
  const lines = [COLUMNS.join(","), ...events.map((event) => COLUMNS.map((column) => csvCell(event[column])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export function formatAuditJson(events: TAuditEvent[]): string {
  return `${JSON.stringify(events, null, 2)}\n`;
}
