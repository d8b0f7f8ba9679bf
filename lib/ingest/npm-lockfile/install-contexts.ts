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

/** The install contexts of one lockfile among a repository's context facts (normally from its workflows). */
function installContextsAmong(facts: ContextFact[], npmrcIgnoresScripts: boolean, lockfilePath: string): InstallContext[] {
  const contexts = new Map<string, InstallContext>();
  for (const fact of facts) {
    const context = installContextFrom(fact.key, fact.attrs, npmrcIgnoresScripts, lockfilePath);
    if (context) contexts.set(context.key, context);
  }
  return [...contexts.values()];
}

/**
 * The context facts of a growing list of documents, by repository, indexed once: asking every
 * lockfile of an organisation to scan every document was quadratic (12,000 repositories: hours).
 * Documents appended after the index was made are indexed when next asked, so the answer is the
 * one a scan of the whole list would give.
 */
export function contextFactsByRepo(documents: TGraphDocument[]) {
  const byRepo = new Map<string, ContextFact[]>();
  let indexed = 0;
  const of = (repo: string): ContextFact[] => {
    for (; indexed < documents.length; indexed += 1) {
      for (const fact of documents[indexed].nodes) {
        if (fact.kind !== "context") continue;
        const context = fact as ContextFact;
        if (typeof context.attrs.repo !== "string") continue;
        let facts = byRepo.get(context.attrs.repo);
        if (!facts) byRepo.set(context.attrs.repo, (facts = []));
        facts.push(context);
      }
    }
    return byRepo.get(repo) ?? [];
  };
  return {
    of,
    installContexts: (repo: string, npmrcIgnoresScripts: boolean, lockfilePath: string) => installContextsAmong(of(repo), npmrcIgnoresScripts, lockfilePath),
  };
}
