import "server-only";
import type { Db } from "@/lib/db";

// Where an entity was declared, for tools that place a finding on a file (SARIF): the path of the
// document that contributed it. The document keys are built by the parsers in lib/ingest:
// inventory:<path>, workflow:<repo>:<path>, lockfile:<repo>:<path>, sbom:<repo|->:<path>; an
// advisory (osv:<id>) has no file of the organisation's.
const FILE_PATTERNS: { format: string; file: (rest: string) => string | null }[] = [
  { format: "inventory:", file: (rest) => rest },
  { format: "workflow:", file: afterRepo },
  { format: "lockfile:", file: afterRepo },
  { format: "sbom:", file: afterRepo },
];

function afterRepo(rest: string): string | null {
  const colon = rest.indexOf(":");
  return colon > 0 && colon < rest.length - 1 ? rest.slice(colon + 1) : null;
}

/** The file a document key names, or null for a document that is not a file (an advisory). */
export function documentFile(key: string): string | null {
  const pattern = FILE_PATTERNS.find((candidate) => key.startsWith(candidate.format));
  return pattern ? pattern.file(key.slice(pattern.format.length)) : null;
}

/**
 * The source file of each entity that has one. An entity several documents declare gets the
 * inventory first (where a person describes it), then the earliest imported document.
 */
export async function getEntitySourceFiles(db: Db, entityIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(entityIds)];
  if (ids.length === 0) return new Map();
  // each document naming one of the entities (found through the documents' GIN index), once per entity it names
  const withKeys = await db.$queryRawUnsafe<{ nodeId: number; key: string }[]>(
    `SELECT n AS "nodeId", d.key FROM "SourceDocument" d CROSS JOIN LATERAL unnest(d."nodeIds") AS n
      WHERE d."nodeIds" && $1::integer[] AND n IN (SELECT unnest($1::integer[]))
      ORDER BY d.id`,
    `{${ids.join(",")}}`,
  );
  const inventoryFirst = withKeys.sort((a, b) => Number(b.key.startsWith("inventory:")) - Number(a.key.startsWith("inventory:")));
  const files = new Map<number, string>();
  for (const origin of inventoryFirst) {
    const file = documentFile(origin.key);
    if (file && !files.has(origin.nodeId)) files.set(origin.nodeId, file);
  }
  return files;
}
