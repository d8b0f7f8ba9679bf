import type { Db } from "@/lib/db";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import type { TApplySummary, TGraphDocument } from "@/lib/schemas/graph-facts";

// PLACEHOLDER until the demo organisation lands (issue 2, part 4): one system only.
const documents: TGraphDocument[] = [
  {
    key: "demo:placeholder",
    format: "demo",
    nodes: [{ kind: "system", key: "system:npm-registry", name: "npm registry", attrs: { systemKind: "registry", criticality: "critical" } }],
    edges: [],
  },
];

export async function seedDemoOrganisation(db: Db): Promise<{ message: string; summary: TApplySummary }> {
  const summary = await applyGraphDocuments(db, documents, { actor: "blastmap seed" });
  return { message: summary.unchangedDocuments === documents.length ? "demo organisation already loaded; nothing changed" : "demo organisation loaded", summary };
}
