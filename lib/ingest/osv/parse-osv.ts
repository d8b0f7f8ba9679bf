import { ZOsvRecord, type TOsvRecord } from "@/lib/schemas/osv";
import type { TEdgeFact, TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import { advisoryKey, packageKey, packageVersionKey } from "@/lib/graph-keys/refs";
import { jsonPath } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { ParseResult } from "../types";
import { purlTypeOf } from "./osv-ecosystems";

// An OSV advisory becomes an advisory node (kept as published, ranges included) and AFFECTS edges
// to the versions it lists by name. Versions that only fall inside its `ranges` depend on what is
// stored, so lib/data/import/link-advisories.ts adds those edges inside the import's transaction.

export const osvDocumentKey = (id: string) => `osv:${id}`;

// CWE-506 "Embedded Malicious Code" is how GHSA and OSV mark malware outside the MAL- namespace.
function isMalicious(record: TOsvRecord): boolean {
  if (record.id.startsWith("MAL-")) return true;
  const text = JSON.stringify([record.database_specific ?? null, ...(record.affected ?? []).map((a) => a.database_specific ?? null)]);
  return text.includes("CWE-506") || /"malicious[-_ ]packages?-origins"/.test(text);
}

export function osvDocument(record: TOsvRecord): TGraphDocument {
  const advisory = advisoryKey(record.id);
  const nodes: TNodeFact[] = [
    {
      kind: "advisory",
      key: advisory,
      name: record.id,
      attrs: {
        advisoryId: record.id,
        aliases: record.aliases ?? [],
        summary: record.summary ?? null,
        details: record.details ?? null,
        publishedAt: record.published ? new Date(record.published) : null,
        modifiedAt: record.modified ? new Date(record.modified) : null,
        malicious: isMalicious(record),
        affected: record.affected ?? [],
      },
    },
  ];
  const edges: TEdgeFact[] = [];
  const seen = new Set<string>();
  for (const affected of record.affected ?? []) {
    const type = affected.package ? purlTypeOf(affected.package.ecosystem) : null;
    if (!affected.package || !type) continue;
    const name = affected.package.name;
    const pkg = packageKey(type, name);
    if (!seen.has(pkg)) {
      seen.add(pkg);
      nodes.push({ kind: "package", key: pkg, name, attrs: { ecosystem: type, name, purl: pkg } });
    }
    for (const version of affected.versions ?? []) {
      const key = packageVersionKey(type, name, version);
      if (seen.has(key)) continue;
      seen.add(key);
      nodes.push({
        kind: "packageVersion",
        key,
        name: `${name}@${version}`,
        attrs: { packageKey: pkg, version, purl: key, compromised: true, advisoryIds: [record.id] },
      });
      edges.push({ kind: "VERSION_OF", from: key, to: pkg }, { kind: "AFFECTS", from: advisory, to: key, attributes: { match: "version" } });
    }
  }
  return { key: osvDocumentKey(record.id), format: "osv", nodes, edges };
}

/** One OSV record, or an array of them (as osv.dev exports and query results give). */
export function parseOsv(file: string, value: unknown): ParseResult {
  const records = Array.isArray(value) ? value : [value];
  const errors: TFileProblem[] = [];
  const documents: TGraphDocument[] = [];
  records.forEach((raw, index) => {
    const parsed = ZOsvRecord.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) {
        errors.push({ file, path: jsonPath(Array.isArray(value) ? [index, ...issue.path] : issue.path), message: issue.message });
      }
      return;
    }
    if (parsed.data.withdrawn) return;
    documents.push(osvDocument(parsed.data));
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, documents };
}
