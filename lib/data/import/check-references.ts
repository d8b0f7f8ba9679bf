import type { Prisma } from "@/lib/generated/prisma/client";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import type { ReferenceUse } from "@/lib/ingest/inventory/parse-inventory";
import type { TFileProblem } from "@/lib/schemas/input-problem";

type Tx = Prisma.TransactionClient;

/** References an inventory makes to nodes that neither this import nor the database holds. */
export async function checkReferences(tx: Tx, documents: TGraphDocument[], references: ReferenceUse[]): Promise<TFileProblem[]> {
  if (references.length === 0) return [];
  const inBatch = new Set<string>();
  for (const document of documents) for (const fact of document.nodes) inBatch.add(fact.key);
  const wanted = [...new Set(references.map((use) => use.key).filter((key) => !inBatch.has(key)))];
  const stored = new Set(wanted.length === 0 ? [] : (await tx.node.findMany({ where: { key: { in: wanted } }, select: { key: true } })).map((row) => row.key));
  return references
    .filter((use) => !inBatch.has(use.key) && !stored.has(use.key))
    .map((use) => ({
      file: use.file,
      path: use.path,
      message: `unknown reference "${use.key}": define it in an imported file or import the file that defines it first`,
    }));
}
