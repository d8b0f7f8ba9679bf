import type { TEdgeFact, TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import type { DeclaredDependency } from "../package-json/parse-package-json";
import type { InstallContext } from "./install-contexts";
import type { LockfileInstall, ParsedLockfile } from "./parse-npm-lockfile";

// A lockfile's graph facts: each installed version (and its package), and INSTALLED_IN edges to
// the repository's install contexts. The edge says how the code is reached there:
//   phase "install" — the version has an install script and the context runs scripts, so the
//                     script reads the install step's environment (secrets included);
//   phase "runtime" — its code runs only when imported by a build, test or the app itself.
// Direct dependencies carry the range package.json declares, so a compromised version the range
// allows but the lockfile does not pin can be found later. pnpm and yarn lockfiles say per version
// which workspace declares it (directRange); npm's is looked up by name in the package.json.
// The same document shape serves npm, pnpm and yarn; only its `format` names the lockfile kind.

export type LockfileFormat = "npm-lockfile" | "pnpm-lockfile" | "yarn-lockfile";

export const lockfileDocumentKey = (repo: string | null, path: string) => `lockfile:${repo ?? "-"}:${path}`;

export function installedInEdges(
  installs: LockfileInstall[],
  contexts: InstallContext[],
  declared: Map<string, DeclaredDependency>,
  lockfilePath: string,
): TEdgeFact[] {
  const edges: TEdgeFact[] = [];
  for (const install of installs) {
    const range = install.directRange !== undefined ? install.directRange : (declared.get(install.name)?.range ?? null);
    // A build allow-list that leaves the version out turns its scripts off in every context.
    const scriptsRun = install.hasInstallScript && install.scriptsMayRun !== false;
    for (const context of contexts) {
      edges.push({
        kind: "INSTALLED_IN",
        from: install.versionKey,
        to: context.key,
        attributes: {
          phase: scriptsRun && !context.ignoresScripts ? "install" : "runtime",
          dev: install.dev,
          ...(install.optional ? { optional: true } : {}),
          ...(install.scriptsMayRun === false ? { ignoreScripts: true } : {}),
          resolve: "lockfile",
          lockfile: lockfilePath,
          ...(range !== null
            ? { direct: true, range }
            : install.requestedRanges?.length
              ? { range: install.requestedRanges.join(" || "), requestedBy: "dependents" }
              : {}),
        },
      });
    }
  }
  return edges;
}

export function lockfileDocument(input: {
  repo: string | null;
  path: string;
  lockfile: ParsedLockfile;
  contexts: InstallContext[];
  declared: Map<string, DeclaredDependency>;
  format?: LockfileFormat;
}): TGraphDocument {
  const nodes: TNodeFact[] = [];
  const edges: TEdgeFact[] = [];
  const packages = new Set<string>();
  for (const install of input.lockfile.installs) {
    if (!packages.has(install.packageKey)) {
      packages.add(install.packageKey);
      nodes.push({ kind: "package", key: install.packageKey, name: install.name, attrs: { ecosystem: "npm", name: install.name, purl: install.packageKey } });
    }
    nodes.push({
      kind: "packageVersion",
      key: install.versionKey,
      name: `${install.name}@${install.version}`,
      attrs: {
        packageKey: install.packageKey,
        version: install.version,
        purl: install.versionKey,
        // unknown (pnpm v9, yarn) is left out so it does not overwrite what an npm lockfile recorded
        ...(install.installScriptKnown === false ? {} : { hasInstallScript: install.hasInstallScript }),
      },
    });
    edges.push({ kind: "VERSION_OF", from: install.versionKey, to: install.packageKey });
  }
  edges.push(...installedInEdges(input.lockfile.installs, input.contexts, input.declared, input.path));
  return { key: lockfileDocumentKey(input.repo, input.path), format: input.format ?? "npm-lockfile", nodes, edges };
}
