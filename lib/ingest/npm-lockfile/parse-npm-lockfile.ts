import { validRange } from "semver";
import { packageKey, packageVersionKey } from "@/lib/graph-keys/refs";
import { isRecord, jsonPath } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";

// npm lockfileVersion 2 and 3 (npm 7+): the `packages` map, keyed by install path. Version 1
// (npm 6) has only the nested `dependencies` tree and no install-script flags, so it is refused
// with a fix rather than half-read.

/** One package version the lockfile installs from a registry. */
export interface LockfileInstall {
  name: string;
  version: string;
  packageKey: string;
  versionKey: string;
  hasInstallScript: boolean;
  /** only a devDependency somewhere (npm omits it with --omit=dev) */
  dev: boolean;
  /** only an optional dependency (npm may skip it) */
  optional: boolean;
  /**
   * The ranges the packages depending on it ask for (npm records them on each entry): what a fresh
   * resolve of those dependents may pick, so a transitive version is a next-resolve risk too.
   */
  requestedRanges?: string[];
  /**
   * pnpm/yarn: false when the lockfile does not record install scripts (pnpm v9, yarn), so
   * hasInstallScript false means "not known" and must not overwrite what another lockfile knows.
   * Absent: recorded (npm).
   */
  installScriptKnown?: boolean;
  /**
   * pnpm/yarn: the project's build allow-list lets this version's install scripts run (true) or
   * blocks them (false: pnpm `onlyBuiltDependencies` without it, yarn `dependenciesMeta.built:
   * false`). Absent: no allow-list applies.
   */
  scriptsMayRun?: boolean;
  /**
   * pnpm/yarn: the range a workspace's package.json declares for this exact version when it is a
   * direct dependency, null when it is only transitive. Absent (npm): looked up by name in the
   * package.json beside the lockfile.
   */
  directRange?: string | null;
}

export interface ParsedLockfile {
  lockfileVersion: number;
  rootName: string | null;
  installs: LockfileInstall[];
  /** workspace, linked and out-of-tree packages: the repository's own code, not registry packages */
  localPackages: string[];
  /** pnpm/yarn: workspace directories the lockfile covers, relative to the lockfile's ("" = its own) */
  workspaces?: string[];
}

export type LockfileParse = { ok: true; lockfile: ParsedLockfile } | { ok: false; errors: TFileProblem[] };

const NODE_MODULES = "node_modules/";

/** The package name an install path stands for: node_modules/a/node_modules/@s/b → @s/b. */
export function nameFromInstallPath(installPath: string): string | null {
  const at = installPath.lastIndexOf(NODE_MODULES);
  if (at === -1) return null;
  const name = installPath.slice(at + NODE_MODULES.length);
  return name.length > 0 ? name : null;
}

const DEPENDENCY_SECTIONS = ["dependencies", "optionalDependencies", "peerDependencies"] as const;

/** name → the semver ranges every non-root entry of the lockfile asks for it under. */
function requestedRangesByName(packages: Record<string, unknown>): Map<string, Set<string>> {
  const requested = new Map<string, Set<string>>();
  for (const [installPath, entry] of Object.entries(packages)) {
    if (installPath === "" || !isRecord(entry)) continue;
    for (const section of DEPENDENCY_SECTIONS) {
      const declared = entry[section];
      if (!isRecord(declared)) continue;
      for (const [name, range] of Object.entries(declared)) {
        if (typeof range !== "string" || validRange(range) === null) continue;
        (requested.get(name) ?? requested.set(name, new Set()).get(name)!).add(range);
      }
    }
  }
  return requested;
}

const isLocalResolution = (resolved: unknown) =>
  typeof resolved === "string" && (resolved.startsWith("file:") || resolved.startsWith(".") || resolved.startsWith("/"));

export function parseNpmLockfile(file: string, value: unknown): LockfileParse {
  const fail = (path: PropertyKey[], message: string): LockfileParse => ({ ok: false, errors: [{ file, path: jsonPath(path), message }] });
  if (!isRecord(value)) return fail([], "a package-lock.json must be a JSON object");
  const { lockfileVersion, packages } = value;
  if (lockfileVersion === 1) {
    return fail(["lockfileVersion"], "lockfileVersion 1 (npm 6) lists no install scripts; regenerate it with npm 7 or later (lockfileVersion 2 or 3)");
  }
  if (lockfileVersion !== 2 && lockfileVersion !== 3)
    return fail(["lockfileVersion"], `unsupported lockfileVersion ${JSON.stringify(lockfileVersion)}; expected 2 or 3`);
  if (!isRecord(packages)) return fail(["packages"], "missing the `packages` map of a lockfileVersion 2/3 file");

  const errors: TFileProblem[] = [];
  const byKey = new Map<string, LockfileInstall>();
  const localPackages: string[] = [];
  for (const [installPath, entry] of Object.entries(packages)) {
    if (installPath === "") continue;
    if (!isRecord(entry)) {
      errors.push({ file, path: jsonPath(["packages", installPath]), message: "each package entry must be an object" });
      continue;
    }
    const pathName = nameFromInstallPath(installPath);
    // Registry packages live under node_modules/ of the project or of a workspace; anything
    // outside the tree (../../packages/cli), linked, or resolved from disk is local code.
    if (pathName === null || installPath.startsWith("../") || pathName.startsWith(".") || entry.link === true || isLocalResolution(entry.resolved)) {
      localPackages.push(installPath);
      continue;
    }
    // An alias ("x": "npm:y@1") installs package y under node_modules/x; the entry's name says so.
    const name = typeof entry.name === "string" && entry.name.length > 0 ? entry.name : pathName;
    if (typeof entry.version !== "string" || entry.version.length === 0) {
      errors.push({ file, path: jsonPath(["packages", installPath, "version"]), message: "an installed package needs a version" });
      continue;
    }
    const versionKey = packageVersionKey("npm", name, entry.version);
    const dev = entry.dev === true;
    const optional = entry.optional === true;
    const known = byKey.get(versionKey);
    if (known) {
      // The same version at several paths: dev/optional only if every copy is.
      known.dev &&= dev;
      known.optional &&= optional;
      known.hasInstallScript ||= entry.hasInstallScript === true;
      continue;
    }
    byKey.set(versionKey, {
      name,
      version: entry.version,
      packageKey: packageKey("npm", name),
      versionKey,
      hasInstallScript: entry.hasInstallScript === true,
      dev,
      optional,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const requested = requestedRangesByName(packages);
  for (const install of byKey.values()) {
    const ranges = requested.get(install.name);
    if (ranges?.size) install.requestedRanges = [...ranges].sort();
  }
  const root = packages[""];
  const rootName = isRecord(root) && typeof root.name === "string" ? root.name : typeof value.name === "string" ? value.name : null;
  return { ok: true, lockfile: { lockfileVersion, rootName, installs: [...byKey.values()], localPackages } };
}
