import type { TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";

// Where a repository's lockfile is installed: the CI jobs of that repository with a lockfile
// install (`npm ci`, `npm install`, `pnpm install`, `yarn install`) in the lockfile's directory.
// A job that only fetches a tool (`npx vercel`, `npm i -g pkg`) installs that tool, not the
// lockfile. Install scripts run there unless scripts are off for every such install.

export interface InstallContext {
  key: string;
  /** every lockfile install there runs with scripts off (--ignore-scripts, the job's env, a checked-in .npmrc) */
  ignoresScripts: boolean;
}

type ContextFact = Extract<TNodeFact, { kind: "context" }>;

interface StoredInstallStep {
  ignoreScripts?: unknown;
  installs?: unknown;
  directory?: unknown;
}

const directoryOf = (path: string) => {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
};
const normaliseDirectory = (directory: string) => directory.replace(/^\.\/?/, "").replace(/\/+$/, "");

/**
 * An install context from a context's stored or parsed attributes, or null if none of its installs
 * reads the lockfile at `lockfilePath` (relative to the repository root). Steps stored before
 * `installs`/`directory` were recorded count as lockfile installs at the root.
 */
export function installContextFrom(
  key: string,
  attrs: { ignoresScripts?: boolean | null; installSteps?: unknown },
  npmrcIgnoresScripts: boolean,
  lockfilePath: string,
): InstallContext | null {
  const steps = Array.isArray(attrs.installSteps) ? (attrs.installSteps as StoredInstallStep[]) : [];
  const lockfileDirectory = normaliseDirectory(directoryOf(lockfilePath));
  const installing = steps.filter((step) => {
    if (step?.installs === "fresh") return false;
    const directory = typeof step?.directory === "string" ? normaliseDirectory(step.directory) : "";
    // an unresolvable directory (an expression) may be any: keep the link rather than miss it
    return directory === lockfileDirectory || directory.includes("${{");
  });
  if (installing.length === 0) return null;
  const everyStepIgnores = installing.every((step) => step?.ignoreScripts === true);
  return { key, ignoresScripts: everyStepIgnores || npmrcIgnoresScripts };
}

/** The install contexts of one lockfile among parsed documents (normally its repository's workflows). */
export function installContextsOf(documents: TGraphDocument[], repo: string, npmrcIgnoresScripts: boolean, lockfilePath: string): InstallContext[] {
  const contexts = new Map<string, InstallContext>();
  for (const document of documents) {
    for (const fact of document.nodes) {
      if (fact.kind !== "context" || (fact as ContextFact).attrs.repo !== repo) continue;
      const context = installContextFrom(fact.key, (fact as ContextFact).attrs, npmrcIgnoresScripts, lockfilePath);
      if (context) contexts.set(context.key, context);
    }
  }
  return [...contexts.values()];
}
