import type { Prisma } from "@/lib/generated/prisma/client";
import { deriveTriggersWithStored, workflowRepositories, type StoredJob } from "@/lib/ingest/derive/workflow-evidence";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";

type Tx = Prisma.TransactionClient;

// A workflow imported on its own (a changed release.yml) still dispatches, and is dispatched by,
// the repository's other workflows imported earlier: read those jobs back and derive the triggers
// between them and the batch, inside the import's transaction.
export async function linkStoredWorkflows(tx: Tx, documents: TGraphDocument[]): Promise<void> {
  const repos = workflowRepositories(documents);
  if (repos.length === 0) return;
  const rows = await tx.executionContext.findMany({
    where: { repo: { in: repos }, contextKind: "ciJob" },
    select: {
      repo: true,
      workflow: true,
      workflowName: true,
      job: true,
      triggers: true,
      workflowRuns: true,
      calls: true,
      tokenPermissions: true,
      file: true,
      line: true,
      node: { select: { key: true } },
    },
  });
  const stored: StoredJob[] = rows.map((row) => ({
    key: row.node.key,
    repo: row.repo ?? "",
    workflow: row.workflow,
    workflowName: row.workflowName,
    job: row.job,
    triggers: row.triggers,
    workflowRuns: row.workflowRuns ?? [],
    calls: row.calls ?? [],
    tokenPermissions:
      row.tokenPermissions && typeof row.tokenPermissions === "object" && !Array.isArray(row.tokenPermissions)
        ? (row.tokenPermissions as Record<string, string>)
        : null,
    file: row.file,
    line: row.line,
  }));
  deriveTriggersWithStored(documents, stored);
}
