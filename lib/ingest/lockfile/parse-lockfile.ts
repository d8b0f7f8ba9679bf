import type { DeclaredDependency } from "../package-json/parse-package-json";
import { parseNpmLockfile, type LockfileParse } from "../npm-lockfile/parse-npm-lockfile";
import type { LockfileFormat } from "../npm-lockfile/lockfile-document";
import { parsePnpmLockfile } from "../pnpm-lockfile/parse-pnpm-lockfile";
import { isRecord } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { YamlParser } from "../source/parse-yaml";
import { loadYaml } from "../workflow/load-yaml";
import { parseYarnLockfile } from "../yarn-lockfile/parse-yarn-lockfile";

// One entry for the three lockfile kinds, so an import treats npm, pnpm and yarn alike: the same
// ParsedLockfile, the same document, the same INSTALLED_IN edges.

export interface LockfileInput {
  format: LockfileFormat;
  /** the path errors name */
  file: string;
  content: string;
  /** the parsed JSON (package-lock.json only) */
  json?: unknown;
  /** package.json files at or below the lockfile's directory, directories relative to it */
  manifests: { directory: string; dependencies: DeclaredDependency[] }[];
  /** pnpm's build allow-list from package.json or pnpm-workspace.yaml, null when neither sets it */
  onlyBuiltDependencies: string[] | null;
  /** the import's YAML parser, which may hand over the tree the credential scan made */
  parseYaml?: YamlParser;
}

export function parseLockfile(input: LockfileInput): LockfileParse {
  switch (input.format) {
    case "npm-lockfile":
      return parseNpmLockfile(input.file, input.json);
    case "pnpm-lockfile":
      return parsePnpmLockfile(input.file, input.content, { onlyBuiltDependencies: input.onlyBuiltDependencies, parseYaml: input.parseYaml });
    case "yarn-lockfile":
      return parseYarnLockfile(input.file, input.content, { manifests: input.manifests });
  }
}

export type BuildAllowList = { ok: true; onlyBuiltDependencies: string[] | null } | { ok: false; errors: TFileProblem[] };

/**
 * pnpm's `onlyBuiltDependencies`: pnpm-workspace.yaml's wins over package.json's `pnpm` field (pnpm 10
 * reads both; the workspace file is where `pnpm approve-builds` writes). `dangerouslyAllowAllBuilds`
 * allows every build, which is the same as not knowing a list: scripts run where the lockfile says.
 */
export function onlyBuiltDependenciesOf(packageJson: unknown, workspaceFile: { path: string; content: string } | null, parseYaml?: YamlParser): BuildAllowList {
  const listOf = (settings: unknown): string[] | null => {
    if (!isRecord(settings) || settings.dangerouslyAllowAllBuilds === true) return null;
    const list = settings.onlyBuiltDependencies;
    return Array.isArray(list) ? list.filter((name): name is string => typeof name === "string") : null;
  };
  if (workspaceFile) {
    const loaded = loadYaml(workspaceFile, parseYaml);
    if (!loaded.ok) return { ok: false, errors: loaded.errors };
    const fromWorkspace = listOf(loaded.yaml.value);
    if (fromWorkspace !== null || (isRecord(loaded.yaml.value) && loaded.yaml.value.dangerouslyAllowAllBuilds === true))
      return { ok: true, onlyBuiltDependencies: fromWorkspace };
  }
  return { ok: true, onlyBuiltDependencies: isRecord(packageJson) ? listOf(packageJson.pnpm) : null };
}
