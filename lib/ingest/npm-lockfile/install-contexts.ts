import type { TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";

// Where a repository's lockfile is installed: every CI job of that repository with a dependency
// install step. Install scripts run there unless scripts are switched off for every install.

export interface InstallContext {
  key: string;
  /** every install there runs with scripts off (--ignore-scripts, the job's env, a checked-in .npmrc) */
  ignoresScripts: boolean;
}

type ContextFact = Extract<TNodeFact, { kind: "context" }>;

/** An install context from a context's stored or parsed attributes, or null if it installs nothing. */
export function installContextFrom(
  key: string,
  attrs: { ignoresScripts?: boolean | null; installSteps?: unknown },
  npmrcIgnoresScripts: boolean,
): InstallContext | null {
  const steps = Array.isArray(attrs.installSteps) ? (attrs.installSteps as { ignoreScripts?: unknown }[]) : [];
  if (steps.length === 0) return null;
  const everyStepIgnores = steps.every((step) => step?.ignoreScripts === true);
  return { key, ignoresScripts: Boolean(attrs.ignoresScripts) || everyStepIgnores || npmrcIgnoresScripts };
}

/** The install contexts of one repository among parsed documents (normally its workflows). */
export function installContextsOf(documents: TGraphDocument[], repo: string, npmrcIgnoresScripts: boolean): InstallContext[] {
  const contexts = new Map<string, InstallContext>();
  for (const document of documents) {
    for (const fact of document.nodes) {
      if (fact.kind !== "context" || (fact as ContextFact).attrs.repo !== repo) continue;
      const context = installContextFrom(fact.key, (fact as ContextFact).attrs, npmrcIgnoresScripts);
      if (context) contexts.set(context.key, context);
    }
  }
  return [...contexts.values()];
}
