import type { TRadiusResult } from "@/lib/schemas/radius";
import { describePath, type TPathNodeInfo } from "./describe-path";

// The radius as CSV for spreadsheets and tickets: one row per reached node. Node names and keys
// come from imported files an attacker may have written (a package name, a job id), so every
// cell a spreadsheet would read as a formula is neutralised (OWASP "CSV injection").

export const RADIUS_CSV_COLUMNS = ["kind", "key", "name", "hops", "generation", "exposure", "timing", "assumed", "path"] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-looking text gets a leading quote; commas, quotes and newlines are quoted. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Node names for describing paths: reached nodes and the sources (which may not be in `nodes`). */
export function radiusNodeIndex(result: Pick<TRadiusResult, "nodes" | "source">): Map<number, TPathNodeInfo> {
  const index = new Map<number, TPathNodeInfo>();
  for (const source of result.source.nodes) index.set(source.id, { name: source.name, key: source.key, kind: source.kind, generation: 0 });
  for (const node of result.nodes) index.set(node.id, { name: node.name, key: node.key, kind: node.kind, generation: node.generation, timing: node.timing });
  return index;
}

export function radiusToCsv(result: Pick<TRadiusResult, "nodes" | "source">): string {
  const index = radiusNodeIndex(result);
  const lines = [RADIUS_CSV_COLUMNS.join(",")];
  for (const node of result.nodes) {
    const path = describePath(node.path, index, node.id).text;
    lines.push(
      [node.kind, node.key, node.name, node.hops, node.generation, node.exposure ?? "", node.timing, node.assumed ? "yes" : "", path].map(csvCell).join(","),
    );
  }
  // CRLF: RFC 4180, and what spreadsheet programs expect.
  return `${lines.join("\r\n")}\r\n`;
}
