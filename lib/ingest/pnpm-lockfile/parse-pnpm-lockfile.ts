import { packageKey, packageVersionKey } from "@/lib/graph-keys/refs";
import { isRecord, jsonPath } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { YamlParser } from "../source/parse-yaml";
import { lineAt, loadYaml } from "../workflow/load-yaml";
import type { LockfileInstall, LockfileParse } from "../npm-lockfile/parse-npm-lockfile";

// pnpm-lock.yaml, lockfileVersion 6.x (pnpm 8, and pnpm 7 with use-lockfile-v6) through 9.0
// (pnpm 9 and 10). Version 6 keys packages as `/name@version(peer@x)` and marks each entry
// `dev`, `optional` and `requiresBuild`; version 9 splits `packages` (what was fetched) from
// `snapshots` (each peer-resolved instance, keyed `name@version(peer@x)`) and drops `dev` and
// `requiresBuild`, so dev-only is worked out from the importers' devDependencies and install
// scripts are unknown unless the project's build allow-list names the package.
//
// Scripts: pnpm 10 runs no dependency lifecycle script unless the package is listed in
// `onlyBuiltDependencies` (package.json `pnpm` field or pnpm-workspace.yaml); pnpm 8/9 honour
// the same list when it is set. A v9 lockfile does not say which pnpm wrote it, so without the
// list we do not guess: scripts run where the lockfile records a build, which for v9 is nowhere
// (installScriptKnown: false, so a stored version's known install script is not overwritten).

export interface PnpmLockfileOptions {
  /** the project's build allow-list, null or absent when not known */
  onlyBuiltDependencies?: string[] | null;
  /** the import's YAML parser, which may hand over the tree the credential scan made */
  parseYaml?: YamlParser;
}

interface PnpmRef {
  name: string;
  version: string;
}

const SECTIONS = [
  ["dependencies", false, false],
  ["optionalDependencies", false, true],
  ["devDependencies", true, false],
] as const;

/** `/@scope/name@1.0.0(peer@2)`, `name@1.0.0` → name and version; null when there is no `@version`. */
export function parsePnpmKey(key: string): PnpmRef | null {
  let spec = key.startsWith("/") ? key.slice(1) : key;
  const paren = spec.indexOf("(");
  if (paren > 0) spec = spec.slice(0, paren);
  const at = spec.indexOf("@", 1);
  if (at <= 0 || at === spec.length - 1) return null;
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

const isLocalSpec = (version: string) => /^(link|file|workspace):/.test(version);

/**
 * The packages/snapshots key an importer's or a package's dependency points at, or null for a
 * link to a local directory. `version` is `1.0.0`, `1.0.0(react@19.0.0)`, an alias `ms@2.1.3`
 * (v9) or `/ms@2.1.3` (v6), or `link:../lib`.
 */
function dependencyKey(name: string, version: string, v6: boolean): string | null {
  if (version.startsWith("link:")) return null;
  if (version.startsWith("/")) return version;
  const base = version.split("(")[0];
  if (base.includes("@") || base.startsWith("file:")) return version;
  return v6 ? `/${name}@${version}` : `${name}@${version}`;
}

const stripPeers = (key: string) => {
  const paren = key.indexOf("(");
  return paren > 0 ? key.slice(0, paren) : key;
};

/** An allow-list entry names the package (`esbuild`) or one version of it (`esbuild@0.25.0`). */
function allowedToBuild(list: string[], name: string, version: string): boolean {
  return list.some((entry) => entry === name || entry === `${name}@${version}`);
}

export function parsePnpmLockfile(file: string, content: string, options: PnpmLockfileOptions = {}): LockfileParse {
  const loaded = loadYaml({ path: file, content }, options.parseYaml);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  const yaml = loaded.yaml;
  const errorAt = (path: (string | number)[], message: string): TFileProblem => {
    const line = lineAt(yaml, path);
    return { file, ...(line ? { line } : {}), path: jsonPath(path), message };
  };
  const fail = (path: (string | number)[], message: string): LockfileParse => ({ ok: false, errors: [errorAt(path, message)] });

  const value = yaml.value;
  if (!isRecord(value)) return fail([], "a pnpm-lock.yaml must be a YAML mapping");
  const version = Number.parseFloat(String(value.lockfileVersion));
  if (!Number.isFinite(version)) return fail(["lockfileVersion"], "missing lockfileVersion");
  if (version < 6)
    return fail(["lockfileVersion"], `lockfileVersion ${String(value.lockfileVersion)} (pnpm 7 or older) is not read; regenerate it with pnpm 8 or later`);
  if (version >= 10) return fail(["lockfileVersion"], `unsupported lockfileVersion ${String(value.lockfileVersion)}; expected 6.x to 9.x`);

  const packages = value.packages ?? {};
  const snapshots = value.snapshots;
  if (!isRecord(packages)) return fail(["packages"], "`packages` must map package keys to entries");
  if (snapshots !== undefined && !isRecord(snapshots)) return fail(["snapshots"], "`snapshots` must map package keys to entries");
  // v9 splits fetch data from instances; v6–v8 keep both in `packages` and record requiresBuild.
  const instances = (snapshots ?? packages) as Record<string, unknown>;
  const instancesSection = snapshots ? "snapshots" : "packages";
  const v6 = snapshots === undefined;

  const importers = readImporters(value, errorAt);
  if (!importers.ok) return { ok: false, errors: importers.errors };

  const errors: TFileProblem[] = [];
  const localPackages = new Set<string>();
  const refs = new Map<string, PnpmRef>();
  for (const [key, entry] of Object.entries(instances)) {
    if (!isRecord(entry)) {
      errors.push(errorAt([instancesSection, key], "each package entry must be a mapping"));
      continue;
    }
    const fetched = isRecord(packages[stripPeers(key)]) ? (packages[stripPeers(key)] as Record<string, unknown>) : entry;
    const resolution = isRecord(fetched.resolution) ? fetched.resolution : {};
    const parsed = parsePnpmKey(key);
    // Directories on disk (`file:` deps, `resolution.directory`) are the repository's own code.
    if (key.startsWith("file:") || (parsed && isLocalSpec(parsed.version)) || typeof resolution.directory === "string") {
      localPackages.add(typeof fetched.name === "string" ? fetched.name : (parsed?.name ?? key));
      continue;
    }
    // Git and tarball packages carry their own name and version (v6 keys them by URL).
    const name = typeof fetched.name === "string" ? fetched.name : parsed?.name;
    const pinned = typeof fetched.version === "string" ? fetched.version : parsed?.version;
    if (!name || !pinned) {
      errors.push(errorAt([instancesSection, key], `cannot read a package name and version from "${key}"`));
      continue;
    }
    refs.set(key, { name, version: pinned });
  }
  if (errors.length > 0) return { ok: false, errors };

  // v9 has no `dev` flag: a version is dev-only when no production dependency reaches it.
  const reachedFromProduction = v6 ? null : reachable(importers.list, instances, refs, v6);
  const directRanges = new Map<string, string>();
  for (const importer of importers.list) {
    for (const dependency of importer.dependencies) {
      const key = dependencyKey(dependency.name, dependency.version, v6);
      if (key === null || !refs.has(key)) {
        if (key === null || isLocalSpec(dependency.version)) localPackages.add(dependency.name);
        continue;
      }
      const ref = refs.get(key)!;
      const versionKey = packageVersionKey("npm", ref.name, ref.version);
      if (!directRanges.has(versionKey)) directRanges.set(versionKey, dependency.specifier);
    }
  }

  const allowList = options.onlyBuiltDependencies ?? null;
  const byKey = new Map<string, LockfileInstall>();
  for (const [key, ref] of refs) {
    const entry = instances[key] as Record<string, unknown>;
    const versionKey = packageVersionKey("npm", ref.name, ref.version);
    const allowed = allowList === null ? undefined : allowedToBuild(allowList, ref.name, ref.version);
    // v9 records no builds; a package the project allows to build is taken to have a build script
    // (pnpm asks to approve only packages that have one).
    const hasInstallScript = v6 ? entry.requiresBuild === true : allowed === true;
    const dev = v6 ? entry.dev === true : !reachedFromProduction!.has(key);
    const optional = entry.optional === true;
    const known = byKey.get(versionKey);
    if (known) {
      // The same version under several peer sets: dev/optional only if every instance is.
      known.dev &&= dev;
      known.optional &&= optional;
      known.hasInstallScript ||= hasInstallScript;
      continue;
    }
    byKey.set(versionKey, {
      name: ref.name,
      version: ref.version,
      packageKey: packageKey("npm", ref.name),
      versionKey,
      hasInstallScript,
      dev,
      optional,
      ...(v6 || allowed === true ? {} : { installScriptKnown: false }),
      ...(allowed === undefined ? {} : { scriptsMayRun: allowed }),
      directRange: directRanges.get(versionKey) ?? null,
    });
  }

  return {
    ok: true,
    lockfile: {
      lockfileVersion: version,
      rootName: null,
      installs: [...byKey.values()],
      localPackages: [...localPackages],
      workspaces: importers.list.map((importer) => importer.directory),
    },
  };
}

interface ImporterDependency {
  name: string;
  specifier: string;
  version: string;
  dev: boolean;
}

interface Importer {
  /** relative to the lockfile's directory, "" for the project itself */
  directory: string;
  dependencies: ImporterDependency[];
}

type ImportersRead = { ok: true; list: Importer[] } | { ok: false; errors: TFileProblem[] };

/** `importers` of a workspace lockfile, or the top-level sections of a single project's v6 file. */
function readImporters(value: Record<string, unknown>, errorAt: (path: (string | number)[], message: string) => TFileProblem): ImportersRead {
  const errors: TFileProblem[] = [];
  const sources: [string, Record<string, unknown>, (string | number)[]][] = [];
  if (value.importers !== undefined) {
    if (!isRecord(value.importers)) return { ok: false, errors: [errorAt(["importers"], "`importers` must map workspace directories to their dependencies")] };
    for (const [directory, importer] of Object.entries(value.importers)) {
      if (!isRecord(importer)) errors.push(errorAt(["importers", directory], "each importer must be a mapping"));
      else sources.push([directory === "." ? "" : directory, importer, ["importers", directory]]);
    }
  } else {
    sources.push(["", value, []]);
  }
  // The root first, so its declared range wins for a version several workspaces use.
  sources.sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)));

  const list: Importer[] = [];
  for (const [directory, importer, path] of sources) {
    const dependencies: ImporterDependency[] = [];
    for (const [section, dev] of SECTIONS) {
      const declared = importer[section];
      if (declared === undefined) continue;
      if (!isRecord(declared)) {
        errors.push(errorAt([...path, section], `${section} must map package names to a specifier and version`));
        continue;
      }
      for (const [name, entry] of Object.entries(declared)) {
        if (!isRecord(entry) || typeof entry.version !== "string" || typeof entry.specifier !== "string") {
          errors.push(errorAt([...path, section, name], "each dependency needs a `specifier` and a `version`"));
          continue;
        }
        dependencies.push({ name, specifier: entry.specifier, version: entry.version, dev });
      }
    }
    list.push({ directory, dependencies });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, list };
}

/** Instance keys reached from the importers' production and optional dependencies. */
function reachable(importers: Importer[], instances: Record<string, unknown>, refs: Map<string, PnpmRef>, v6: boolean): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (name: string, version: string) => {
    const key = dependencyKey(name, version, v6);
    if (key !== null && refs.has(key) && !seen.has(key)) {
      seen.add(key);
      queue.push(key);
    }
  };
  for (const importer of importers) for (const dependency of importer.dependencies) if (!dependency.dev) visit(dependency.name, dependency.version);
  while (queue.length > 0) {
    const entry = instances[queue.pop()!];
    if (!isRecord(entry)) continue;
    for (const section of ["dependencies", "optionalDependencies"]) {
      const dependencies = entry[section];
      if (!isRecord(dependencies)) continue;
      for (const [name, version] of Object.entries(dependencies)) if (typeof version === "string") visit(name, version);
    }
  }
  return seen;
}
