import { parseSyml } from "@yarnpkg/parsers";
import { packageKey, packageVersionKey } from "@/lib/graph-keys/refs";
import { isRecord, jsonPath, lineOf } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { LockfileInstall, LockfileParse } from "../npm-lockfile/parse-npm-lockfile";

// yarn.lock, classic (`# yarn lockfile v1`) and Berry (yarn 2+, `__metadata.version` 4 and up),
// both read by yarn's own parser (`parseSyml` of @yarnpkg/parsers), so quoting, multi-descriptor
// keys ("ms@^2.1.1, ms@^2.1.2") and Berry's YAML subset are read exactly as yarn reads them.
//
// Limitations, from what the formats record:
// - Neither format records whether a package has an install script, so hasInstallScript is false
//   and yarn installs are linked at phase "runtime". Berry's `dependenciesMeta.<pkg>.built: false`
//   (kept in the workspace entries of the lockfile) is read as scripts off for that package.
// - Classic lockfiles list no workspaces and neither format says which dependencies are dev-only;
//   both are taken from the package.json manifests the caller passes, when it has them.

export interface YarnManifest {
  /** relative to the lockfile's directory, "" for the project itself */
  directory: string;
  dependencies: { name: string; range: string; dev: boolean }[];
}

export interface YarnLockfileOptions {
  /** package.json files of the project and its workspaces (classic: the only source of workspaces) */
  manifests?: YarnManifest[];
}

interface Locator {
  name: string;
  reference: string;
}

/** `@scope/name@npm:^1` → name and the rest; null when there is no `@`. */
export function splitDescriptor(descriptor: string): Locator | null {
  const at = descriptor.indexOf("@", 1);
  if (at <= 0) return null;
  return { name: descriptor.slice(0, at), reference: descriptor.slice(at + 1) };
}

// Berry's protocols for code that lives in the repository (or, for patch:, a local change to a
// package whose unpatched npm entry is listed on its own).
const LOCAL_PROTOCOL = /^(workspace|portal|link|file|patch|exec):/;

/** Berry writes `npm:^1.2.0` where package.json says `^1.2.0`; an alias (`npm:ms@2`) is kept. */
const declaredForm = (range: string) => (range.startsWith("npm:") && !range.slice(4).includes("@") ? range.slice(4) : range);

interface Entry {
  descriptors: string[];
  key: string;
  value: Record<string, unknown>;
}

export function parseYarnLockfile(file: string, content: string, options: YarnLockfileOptions = {}): LockfileParse {
  let value: Record<string, unknown>;
  try {
    value = parseSyml(content);
  } catch (error) {
    return { ok: false, errors: [{ file, ...symlErrorLine(error), message: `malformed yarn.lock: ${firstLine(error)}` }] };
  }
  const berry = isRecord(value.__metadata);
  const errorAt = (key: string, message: string, field?: string): TFileProblem => {
    const at = content.indexOf(key);
    return { file, ...(at >= 0 ? { line: lineOf(content, at) } : {}), path: jsonPath(field ? [key, field] : [key]), message };
  };
  let lockfileVersion = 1;
  if (berry) {
    lockfileVersion = Number((value.__metadata as Record<string, unknown>).version);
    if (!Number.isInteger(lockfileVersion) || lockfileVersion < 4) {
      return {
        ok: false,
        errors: [
          errorAt(
            "__metadata",
            `unsupported yarn lockfile __metadata.version ${JSON.stringify((value.__metadata as Record<string, unknown>).version)}; expected 4 or later (yarn 2+)`,
            "version",
          ),
        ],
      };
    }
  } else if (!/^(#.*\r?\n)*#\s+yarn\s+lockfile\s+v1\r?\n/i.test(content)) {
    return {
      ok: false,
      errors: [{ file, line: 1, message: "not a yarn lockfile: expected the `# yarn lockfile v1` header (yarn 1) or `__metadata:` (yarn 2+)" }],
    };
  }

  const errors: TFileProblem[] = [];
  const entries: Entry[] = [];
  const byDescriptor = new Map<string, Entry>();
  for (const [key, entry] of Object.entries(value)) {
    if (key === "__metadata") continue;
    if (!isRecord(entry)) {
      errors.push(errorAt(key, "each lockfile entry must be a mapping"));
      continue;
    }
    const descriptors = key
      .split(",")
      .map((descriptor) => descriptor.trim())
      .filter(Boolean);
    const record = { descriptors, key, value: entry };
    entries.push(record);
    for (const descriptor of descriptors) byDescriptor.set(descriptor, record);
  }

  const localPackages = new Set<string>();
  const refs = new Map<Entry, { name: string; version: string }>();
  const builtOff = new Set<string>();
  const workspaces: YarnManifest[] = [];
  for (const entry of entries) {
    const first = splitDescriptor(entry.descriptors[0] ?? "");
    if (!first) {
      errors.push(errorAt(entry.key, `cannot read a package name from "${entry.key}"`));
      continue;
    }
    const version = entry.value.version;
    if (typeof version !== "string" || version.length === 0) {
      errors.push(errorAt(entry.key, "an entry needs a version", "version"));
      continue;
    }
    // Berry names what was installed in `resolution` (an alias descriptor names the alias).
    const resolution = berry && typeof entry.value.resolution === "string" ? splitDescriptor(entry.value.resolution) : null;
    if (berry && !resolution) {
      errors.push(errorAt(entry.key, "an entry needs a `resolution` (name@reference)", "resolution"));
      continue;
    }
    const reference = resolution?.reference ?? first.reference;
    if (LOCAL_PROTOCOL.test(reference) || entry.descriptors.every((descriptor) => LOCAL_PROTOCOL.test(splitDescriptor(descriptor)?.reference ?? ""))) {
      localPackages.add(resolution?.name ?? first.name);
      if (reference.startsWith("workspace:")) {
        const directory = reference.slice("workspace:".length);
        workspaces.push({ directory: directory === "." ? "" : directory, dependencies: dependenciesOf(entry.value) });
        for (const name of builtOffNames(entry.value.dependenciesMeta)) builtOff.add(name);
      }
      continue;
    }
    // Classic aliases: "legacy-ms@npm:ms@2.0.0" installs ms.
    const alias = !berry && first.reference.startsWith("npm:") ? splitDescriptor(first.reference.slice(4)) : null;
    refs.set(entry, { name: resolution?.name ?? alias?.name ?? first.name, version });
  }
  if (errors.length > 0) return { ok: false, errors };

  // Direct dependencies: Berry lists each workspace's in the lockfile; classic only in package.json.
  const manifests = options.manifests ?? [];
  const manifestAt = new Map(manifests.map((manifest) => [manifest.directory, manifest]));
  const importers: YarnManifest[] = berry
    ? workspaces.map((workspace) => {
        const declaredDev = new Map(manifestAt.get(workspace.directory)?.dependencies.map((dependency) => [dependency.name, dependency.dev]) ?? []);
        return { ...workspace, dependencies: workspace.dependencies.map((dependency) => ({ ...dependency, dev: declaredDev.get(dependency.name) ?? false })) };
      })
    : manifests;
  importers.sort((a, b) => (a.directory === "" ? -1 : b.directory === "" ? 1 : a.directory.localeCompare(b.directory)));
  const versionKeyOf = (entry: Entry) => {
    const ref = refs.get(entry)!;
    return packageVersionKey("npm", ref.name, ref.version);
  };
  const directRanges = new Map<string, string>();
  for (const importer of importers) {
    for (const dependency of importer.dependencies) {
      const entry = byDescriptor.get(`${dependency.name}@${dependency.range}`);
      if (!entry || !refs.has(entry)) continue;
      const versionKey = versionKeyOf(entry);
      if (!directRanges.has(versionKey)) directRanges.set(versionKey, declaredForm(dependency.range));
    }
  }
  // Dev-only is known only where the manifests say which dependencies are dev.
  const knowsDev = manifests.length > 0;
  const production = knowsDev ? reachable(importers, byDescriptor) : null;

  const byKey = new Map<string, LockfileInstall>();
  for (const [entry, ref] of refs) {
    const versionKey = versionKeyOf(entry);
    const dev = production !== null && !production.has(entry);
    const scriptsOff = builtOff.has(ref.name) || builtOff.has(`${ref.name}@${ref.version}`);
    const known = byKey.get(versionKey);
    if (known) {
      known.dev &&= dev;
      continue;
    }
    byKey.set(versionKey, {
      name: ref.name,
      version: ref.version,
      packageKey: packageKey("npm", ref.name),
      versionKey,
      hasInstallScript: false,
      installScriptKnown: false,
      dev,
      optional: false,
      ...(scriptsOff ? { scriptsMayRun: false } : {}),
      // without any importer (a classic lockfile and no package.json) directness is left to the caller
      ...(importers.length > 0 ? { directRange: directRanges.get(versionKey) ?? null } : {}),
    });
  }

  return {
    ok: true,
    lockfile: {
      lockfileVersion,
      rootName: null,
      installs: [...byKey.values()],
      localPackages: [...localPackages],
      workspaces: importers.map((importer) => importer.directory),
    },
  };
}

function dependenciesOf(entry: Record<string, unknown>): YarnManifest["dependencies"] {
  const dependencies: YarnManifest["dependencies"] = [];
  for (const section of ["dependencies", "optionalDependencies"]) {
    const declared = entry[section];
    if (!isRecord(declared)) continue;
    for (const [name, range] of Object.entries(declared)) if (typeof range === "string") dependencies.push({ name, range, dev: false });
  }
  return dependencies;
}

/** `dependenciesMeta: { core-js: { built: false } }` (a key may also be `name@version`). */
function builtOffNames(meta: unknown): string[] {
  if (!isRecord(meta)) return [];
  return Object.entries(meta)
    .filter(([, settings]) => isRecord(settings) && String(settings.built) === "false")
    .map(([name]) => name);
}

/** Entries reached from the importers' non-dev dependencies. */
function reachable(importers: YarnManifest[], byDescriptor: Map<string, Entry>): Set<Entry> {
  const seen = new Set<Entry>();
  const queue: Entry[] = [];
  const visit = (name: string, range: string) => {
    const entry = byDescriptor.get(`${name}@${range}`);
    if (entry && !seen.has(entry)) {
      seen.add(entry);
      queue.push(entry);
    }
  };
  for (const importer of importers) for (const dependency of importer.dependencies) if (!dependency.dev) visit(dependency.name, dependency.range);
  while (queue.length > 0) for (const dependency of dependenciesOf(queue.pop()!.value)) visit(dependency.name, dependency.range);
  return seen;
}

// yarn's PEG parser (classic) reports `location.start.line`; js-yaml (Berry) a 0-based `mark.line`.
function symlErrorLine(error: unknown): { line?: number } {
  if (!isRecord(error)) return {};
  const location = error.location;
  if (isRecord(location) && isRecord(location.start) && typeof location.start.line === "number") return { line: location.start.line };
  const mark = error.mark;
  if (isRecord(mark) && typeof mark.line === "number") return { line: mark.line + 1 };
  return {};
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0];
