import { satisfies } from "semver";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeclaredRange } from "@/lib/ingest/parse-sources";
import { packageKey } from "@/lib/graph-keys/refs";
import type { TFileProblem } from "@/lib/schemas/input-problem";

type Tx = Prisma.TransactionClient;

export const WOULD_INSTALL_ON_FRESH_RESOLVE = "wouldInstallOnFreshResolve";

// The lockfile protects a repository only until someone runs `npm install` without it (a new
// clone with a deleted lockfile, `npm update`, a Renovate bump). A package.json range that allows
// a compromised version the lockfile does not pin is reported so that window is visible.
// Runs after the batch is applied (inside the same transaction), so it sees this batch's advisories.
export async function findFreshResolveRisks(tx: Tx, ranges: DeclaredRange[]): Promise<(TFileProblem & { code: string })[]> {
  const semverRanges = ranges.filter((declared) => declared.dependency.semver);
  if (semverRanges.length === 0) return [];
  const keys = [...new Set(semverRanges.map((declared) => packageKey("npm", declared.dependency.name)))];
  const compromised = await tx.packageVersion.findMany({
    where: { compromised: true, package: { purl: { in: keys } } },
    select: { version: true, advisoryIds: true, package: { select: { name: true } } },
  });
  const byName = new Map<string, { version: string; advisoryIds: string[] }[]>();
  for (const row of compromised) byName.set(row.package.name, [...(byName.get(row.package.name) ?? []), row]);
  const warnings: (TFileProblem & { code: string })[] = [];
  for (const declared of semverRanges) {
    for (const version of byName.get(declared.dependency.name) ?? []) {
      if (version.version === declared.pinned) continue;
      if (!satisfies(version.version, declared.dependency.range, { includePrerelease: false })) continue;
      warnings.push({
        file: declared.file,
        code: WOULD_INSTALL_ON_FRESH_RESOLVE,
        message: `${declared.dependency.name} "${declared.dependency.range}" allows compromised ${declared.dependency.name}@${version.version} (${version.advisoryIds.join(", ") || "marked compromised"})${declared.pinned ? `, which the lockfile does not pin (it pins ${declared.pinned})` : ""}: a fresh resolve would install it`,
      });
    }
  }
  return warnings;
}
