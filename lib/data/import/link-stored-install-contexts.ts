import type { Prisma } from "@/lib/generated/prisma/client";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import type { PendingLockfile } from "@/lib/ingest/parse-sources";
import { installContextFrom, type InstallContext } from "@/lib/ingest/npm-lockfile/install-contexts";
import { installedInEdges } from "@/lib/ingest/npm-lockfile/lockfile-document";
import type { TFileProblem } from "@/lib/schemas/input-problem";

type Tx = Prisma.TransactionClient;

// A lockfile imported without its repository's workflows (`blastmap import package-lock.json
// --repo acme/web`) links to the install contexts already stored for that repository.
export async function linkStoredInstallContexts(tx: Tx, documents: TGraphDocument[], pending: PendingLockfile[]): Promise<TFileProblem[]> {
  const warnings: TFileProblem[] = [];
  const repos = [...new Set(pending.map((lockfile) => lockfile.repo))];
  if (repos.length === 0) return warnings;
  const rows = await tx.executionContext.findMany({
    where: { repo: { in: repos }, contextKind: "ciJob" },
    select: { repo: true, ignoresScripts: true, installSteps: true, node: { select: { key: true } } },
  });
  for (const lockfile of pending) {
    const contexts = rows
      .filter((row) => row.repo === lockfile.repo)
      .map((row) =>
        installContextFrom(row.node.key, { ignoresScripts: row.ignoresScripts, installSteps: row.installSteps }, lockfile.npmrcIgnoresScripts, lockfile.path),
      )
      .filter((context): context is InstallContext => context !== null);
    const document = documents.find((doc) => doc.key === lockfile.documentKey)!;
    if (contexts.length === 0) {
      warnings.push({
        file: lockfile.path,
        message: `no stored workflow job of ${lockfile.repo} installs dependencies; import its workflows to link these ${lockfile.installs.length} package versions to CI jobs`,
      });
      continue;
    }
    const declared = new Map(lockfile.declared.map((dependency) => [dependency.name, dependency]));
    document.edges.push(...installedInEdges(lockfile.installs, contexts, declared, lockfile.path));
  }
  return warnings;
}
