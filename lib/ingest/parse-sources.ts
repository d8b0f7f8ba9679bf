import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { credentialScanner, scanFilePath, scanRepositoryNames } from "./credentials/scan-credentials";
import { parseCycloneDx } from "./cyclonedx/parse-cyclonedx";
import { parseInventory, type ReferenceUse } from "./inventory/parse-inventory";
import { formatBytes, importLimits, type ImportLimits } from "./limits";
import { contextFactsByRepo } from "./npm-lockfile/install-contexts";
import { onlyBuiltDependenciesOf, parseLockfile } from "./lockfile/parse-lockfile";
import { lockfileDocument, type LockfileFormat } from "./npm-lockfile/lockfile-document";
import type { LockfileInstall } from "./npm-lockfile/parse-npm-lockfile";
import { parseOsv } from "./osv/parse-osv";
import { parsePackageJson, type DeclaredDependency } from "./package-json/parse-package-json";
import { packageJsonDocument } from "./package-json/package-json-document";
import { unsafePathReason } from "./source/check-source-path";
import { formatFromJson, formatFromPath, type SourceFormat } from "./source/detect-format";
import { parseJsonSource, type JsonParse } from "./source/parse-json-source";
import { sharedYamlParser } from "./source/parse-yaml";
import { findRepositoryRoots, repositoryFinder, type RepositoryRoot } from "./source/repository-roots";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { RepositoryContext, SourceFile } from "./types";
import { normaliseDirectory } from "./workflow/directories";
import { isLocalActionFile } from "./workflow/local-actions";
import { parseWorkflow } from "./workflow/parse-workflow";
import { deriveWorkflowEvidence, type PackageManifest } from "./derive/workflow-evidence";

// Every input file in, graph documents or precise errors out — the pure half of an import.
// All-or-nothing starts here: the caller applies nothing when `errors` is not empty. Files are
// scanned for live credentials before any parser sees them.

export interface ParseSourcesOptions {
  /** owner/name of the one repository in the input (CLI --repo, the upload form) */
  repo?: string;
  /** names the caller found for repository roots, e.g. from `git remote` ("" = the import root) */
  repoNames?: Record<string, string>;
  limits?: ImportLimits;
}

/** A lockfile whose repository has no workflow in this input: it links to stored install contexts. */
export interface PendingLockfile {
  documentKey: string;
  repo: string;
  npmrcIgnoresScripts: boolean;
  path: string;
  installs: LockfileInstall[];
  declared: DeclaredDependency[];
}

/** A package.json range, checked against compromised versions for "would install on a fresh resolve". */
export interface DeclaredRange {
  file: string;
  dependency: DeclaredDependency;
  /** the version the lockfile pins, if a lockfile sits beside the package.json */
  pinned: string | null;
}

export interface ParsedSources {
  documents: TGraphDocument[];
  errors: TFileProblem[];
  warnings: TFileProblem[];
  /** files read per format (every file, including those that yield no document of their own) */
  filesByFormat: Record<string, number>;
  pendingLockfiles: PendingLockfile[];
  references: ReferenceUse[];
  declaredRanges: DeclaredRange[];
}

interface ClassifiedFile {
  file: SourceFile;
  format: SourceFormat;
  json: unknown;
  repository: RepositoryRoot | null;
  /** the path inside its repository (what parsers see and keys use) */
  relativePath: string;
}

const directoryOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);
/** The format a path alone gives: YAML is read only as a workflow; outside .github/workflows/ the workflow parser decides. */
const formatOfPath = (path: string): SourceFormat | null => formatFromPath(path) ?? (/\.ya?ml$/i.test(path) ? "workflow" : null);
/** A file its parser reads as JSON: a JSON format by name, or a .json file whose content decides. */
const readsAsJson = (path: string, format: SourceFormat | null) => (format === null ? /\.json$/i.test(path) : !TEXT_FORMATS.has(format));
const NPMRC_IGNORE_SCRIPTS = /^\s*ignore-scripts\s*=\s*true\s*$/m;
/** formats read as text by their own parser (not JSON) */
const TEXT_FORMATS = new Set<SourceFormat>(["workflow", "npmrc", "pnpm-lockfile", "yarn-lockfile", "pnpm-workspace"]);
const LOCKFILE_FORMATS = new Set<SourceFormat>(["npm-lockfile", "pnpm-lockfile", "yarn-lockfile"]);

export function parseSources(files: SourceFile[], options: ParseSourcesOptions = {}): ParsedSources {
  const limits = options.limits ?? importLimits();
  const result: ParsedSources = { documents: [], errors: [], warnings: [], filesByFormat: {}, pendingLockfiles: [], references: [], declaredRanges: [] };
  const { errors } = result;
  // A repository name becomes part of node keys and of messages: one that holds a credential
  // refuses the import before anything can repeat it.
  const credentialsInNames = scanRepositoryNames(options);
  if (credentialsInNames.length > 0) {
    errors.push(...credentialsInNames);
    return result;
  }

  const seenPaths = new Set<string>();
  // each file is parsed once: its JSON, and each distinct YAML text, serve the scan and its parser
  const safe: { file: SourceFile; json: JsonParse | null }[] = [];
  const parseYaml = sharedYamlParser();
  const scanCredentials = credentialScanner();
  const totalBytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content, "utf8"), 0);
  if (totalBytes > limits.maxTotalBytes) {
    errors.push({
      file: `${files.length} files`,
      message: `the input is ${formatBytes(totalBytes)}, over the ${formatBytes(limits.maxTotalBytes)} total limit of one import`,
    });
    return result;
  }
  for (const file of files) {
    // a path is repeated by every message about its file, so a credential in it is refused first
    const credentialsInPath = scanFilePath(file.path);
    if (credentialsInPath.length > 0) {
      errors.push(...credentialsInPath);
      continue;
    }
    const unsafe = unsafePathReason(file.path);
    if (unsafe) {
      errors.push({ file: file.path, message: unsafe });
      continue;
    }
    if (seenPaths.has(file.path)) {
      errors.push({ file: file.path, message: "the same file was given twice" });
      continue;
    }
    seenPaths.add(file.path);
    const bytes = Buffer.byteLength(file.content, "utf8");
    if (bytes > limits.maxFileBytes) {
      errors.push({
        file: file.path,
        message: `the file is ${formatBytes(bytes)}, over the ${formatBytes(limits.maxFileBytes)} limit (BLASTMAP_IMPORT_MAX_BYTES)`,
      });
      continue;
    }
    const json = readsAsJson(file.path, formatOfPath(file.path)) ? parseJsonSource(file.path, file.content, limits.maxJsonDepth) : null;
    const credentials = scanCredentials(file, { json: json ? { maxDepth: limits.maxJsonDepth, parse: json } : undefined, parseYaml });
    if (credentials.length > 0) {
      errors.push(...credentials);
      continue;
    }
    safe.push({ file, json });
  }

  const roots = findRepositoryRoots(
    safe.map(({ file }) => file.path),
    { repo: options.repo, names: options.repoNames },
  );
  if (options.repo && roots.length > 1) {
    errors.push({ file: roots.map((root) => root.root || ".").join(", "), message: `--repo names one repository, but the input holds ${roots.length}` });
  }
  const repositoryOf = repositoryFinder(roots);
  const npmrcIgnores = new Set<string>();

  const classified: ClassifiedFile[] = [];
  for (const { file, json: jsonParse } of safe) {
    const repository = repositoryOf(file.path);
    const relativePath = repository ? file.path.slice(repository.root.length) : file.path;
    let format = formatOfPath(file.path);
    let json: unknown = undefined;
    if (jsonParse !== null) {
      if (!jsonParse.ok) {
        errors.push(jsonParse.error);
        continue;
      }
      json = jsonParse.value;
      format ??= formatFromJson(json);
    }
    if (format === null) {
      errors.push({
        file: file.path,
        message:
          jsonParse === null
            ? "unknown format: expected a GitHub Actions workflow, package-lock.json, pnpm-lock.yaml, yarn.lock, package.json, an OSV advisory, a CycloneDX SBOM or a Blastmap inventory (JSON)"
            : "unknown format: this JSON is not a package-lock.json, an OSV advisory, a CycloneDX SBOM or a Blastmap inventory",
      });
      continue;
    }
    if (format === "npmrc" && repository && NPMRC_IGNORE_SCRIPTS.test(file.content) && relativePath === ".npmrc") npmrcIgnores.add(repository.name);
    result.filesByFormat[format] = (result.filesByFormat[format] ?? 0) + 1;
    classified.push({ file, format, json, repository, relativePath });
  }

  // Local actions (action.yml/action.yaml with `runs:`) are read by the workflows that use them,
  // keyed by their directory inside their repository, and are not parsed as workflows themselves.
  const localActions = new Map<string, Map<string, SourceFile>>();
  const actionFiles = new Set<ClassifiedFile>();
  for (const item of classified) {
    const file = { path: item.relativePath, content: item.file.content };
    if ((item.format as string) !== "action" && !(item.format === "workflow" && isLocalActionFile(file, parseYaml))) continue;
    actionFiles.add(item);
    const root = item.repository?.root ?? "";
    const actions = localActions.get(root) ?? new Map<string, SourceFile>();
    const directory = normaliseDirectory(item.relativePath.slice(0, Math.max(0, item.relativePath.lastIndexOf("/"))));
    if (!actions.has(directory)) actions.set(directory, file);
    localActions.set(root, actions);
    // counted as what it is: a composite action read by its workflows, not a workflow
    if (item.format === "workflow") {
      if (--result.filesByFormat.workflow === 0) delete result.filesByFormat.workflow;
      result.filesByFormat.action = (result.filesByFormat.action ?? 0) + 1;
    }
  }
  const context = (repository: RepositoryRoot | null): RepositoryContext => ({
    repo: repository?.name ?? null,
    npmrcIgnoresScripts: repository ? npmrcIgnores.has(repository.name) : false,
    localActions: localActions.get(repository?.root ?? "") ?? new Map(),
  });
  const fileErrors = (file: SourceFile, list: TFileProblem[]) => list.map((error) => ({ ...error, file: file.path }));

  for (const item of classified.filter((c) => c.format === "workflow" && !actionFiles.has(c))) {
    try {
      const parsed = parseWorkflow({ path: item.relativePath, content: item.file.content }, context(item.repository), parseYaml);
      if (parsed.ok) result.documents.push(...parsed.documents);
      else errors.push(...fileErrors(item.file, parsed.errors));
    } catch (error) {
      // The workflow parser is defensive, but an import must survive whatever a file does to it.
      errors.push({
        file: item.file.path,
        message: `could not be read as a workflow: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      });
    }
  }

  const packageJsons = new Map<string, { item: ClassifiedFile; declared: DeclaredDependency[] }>();
  const manifests: PackageManifest[] = [];
  for (const item of classified.filter((c) => c.format === "package-json")) {
    const parsed = parsePackageJson(item.file.path, item.json);
    if (parsed.ok) {
      packageJsons.set(directoryOf(item.file.path), { item, declared: parsed.packageJson.dependencies });
      manifests.push({ repo: item.repository?.name ?? null, directory: directoryOf(item.relativePath).replace(/\/$/, ""), ...parsed.packageJson });
    } else errors.push(...parsed.errors);
  }

  const lockfileDirectories = new Set<string>();
  const lockfileItems = classified.filter((c) => LOCKFILE_FORMATS.has(c.format));
  // Indexed once, not searched per lockfile: an organisation of 12,000 repositories has 12,000
  // lockfiles, and a scan of every file or document for each was quadratic.
  const lockfileDirectorySet = new Set(lockfileItems.map((c) => directoryOf(c.file.path)));
  // Each package.json belongs to the nearest lockfile at or above it (a pnpm/yarn workspace root):
  // the longest lockfile directory its own directory starts with.
  const nearestLockfileDirectory = (directory: string) => {
    for (let length = directory.length; length >= 0; length -= 1) if (lockfileDirectorySet.has(directory.slice(0, length))) return directory.slice(0, length);
    return undefined;
  };
  const manifestsByLockfileDirectory = new Map<string, [string, { declared: DeclaredDependency[] }][]>();
  for (const entry of packageJsons) {
    const nearest = nearestLockfileDirectory(entry[0]);
    if (nearest === undefined) continue;
    const manifests = manifestsByLockfileDirectory.get(nearest);
    if (manifests) manifests.push(entry);
    else manifestsByLockfileDirectory.set(nearest, [entry]);
  }
  const workspaceFiles = new Map<string, SourceFile>();
  for (const c of classified)
    if (c.format === "pnpm-workspace" && !workspaceFiles.has(directoryOf(c.file.path))) workspaceFiles.set(directoryOf(c.file.path), c.file);
  const repositoriesWithWorkflows = new Set(classified.filter((c) => c.format === "workflow").map((c) => c.repository));
  const contextFacts = contextFactsByRepo(result.documents);
  for (const item of lockfileItems) {
    const directory = directoryOf(item.file.path);
    const lockfileManifests = (manifestsByLockfileDirectory.get(directory) ?? []).map(([manifestDirectory, { declared }]) => ({
      directory: manifestDirectory.slice(directory.length).replace(/\/$/, ""),
      dependencies: declared,
    }));
    const workspaceFile = workspaceFiles.get(directory) ?? null;
    const allowList =
      item.format === "pnpm-lockfile"
        ? onlyBuiltDependenciesOf(packageJsons.get(directory)?.item.json, workspaceFile, parseYaml)
        : { ok: true as const, onlyBuiltDependencies: null };
    if (!allowList.ok) {
      errors.push(...allowList.errors);
      continue;
    }
    const parsed = parseLockfile({
      format: item.format as LockfileFormat,
      file: item.file.path,
      content: item.file.content,
      json: item.json,
      manifests: lockfileManifests,
      onlyBuiltDependencies: allowList.onlyBuiltDependencies,
      parseYaml,
    });
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    // npm reads the package.json beside it; a pnpm/yarn workspace root covers its workspaces' too.
    const covered = new Set((parsed.lockfile.workspaces ?? [""]).map((workspace) => (workspace === "" ? directory : `${directory}${workspace}/`)));
    for (const manifestDirectory of covered) lockfileDirectories.add(manifestDirectory);
    const declaredList = packageJsons.get(directory)?.declared ?? [];
    const declared = new Map(declaredList.map((dependency) => [dependency.name, dependency]));
    const repo = item.repository?.name ?? null;
    const repoContext = context(item.repository);
    const hasWorkflows = repositoriesWithWorkflows.has(item.repository);
    const contexts = repo && hasWorkflows ? contextFacts.installContexts(repo, repoContext.npmrcIgnoresScripts, item.relativePath) : [];
    const document = lockfileDocument({ repo, path: item.relativePath, lockfile: parsed.lockfile, contexts, declared, format: item.format as LockfileFormat });
    result.documents.push(document);
    if (repo && !hasWorkflows) {
      result.pendingLockfiles.push({
        documentKey: document.key,
        repo,
        npmrcIgnoresScripts: repoContext.npmrcIgnoresScripts,
        path: item.relativePath,
        installs: parsed.lockfile.installs,
        declared: declaredList,
      });
    } else if (!repo || contexts.length === 0) {
      result.warnings.push({
        file: item.file.path,
        message: repo
          ? `no workflow job of ${repo} installs dependencies, so its ${parsed.lockfile.installs.length} package versions are stored without INSTALLED_IN edges`
          : "this lockfile is not inside a repository (no .github/workflows/ beside it, no --repo), so its package versions are not linked to any CI job",
      });
    }
    const pinnedVersion = (dependency: DeclaredDependency) => {
      const candidates = parsed.lockfile.installs.filter((install) => install.name === dependency.name);
      return (candidates.find((install) => install.directRange === dependency.range) ?? candidates[0])?.version ?? null;
    };
    for (const manifestDirectory of covered) {
      const manifest = packageJsons.get(manifestDirectory);
      if (!manifest) continue;
      const file = manifestDirectory === directory ? item.file.path : manifest.item.file.path;
      for (const dependency of manifest.declared) result.declaredRanges.push({ file, dependency, pinned: pinnedVersion(dependency) });
    }
  }

  // A package.json without a lockfile beside it: its ranges are all Blastmap knows.
  for (const [directory, { item, declared }] of packageJsons) {
    if (lockfileDirectories.has(directory)) continue;
    // with no lockfile, `npm install` there resolves every declared range afresh at each run
    const repo = item.repository?.name ?? null;
    const freshInstalls = repo ? contextFacts.installContexts(repo, context(item.repository).npmrcIgnoresScripts, item.relativePath) : [];
    result.documents.push(packageJsonDocument(repo, item.relativePath, declared, freshInstalls));
    for (const dependency of declared) result.declaredRanges.push({ file: item.file.path, dependency, pinned: null });
  }

  for (const item of classified.filter((c) => c.format === "osv")) {
    const parsed = parseOsv(item.file.path, item.json);
    if (parsed.ok) result.documents.push(...parsed.documents);
    else errors.push(...parsed.errors);
  }
  for (const item of classified.filter((c) => c.format === "cyclonedx")) {
    const parsed = parseCycloneDx({ path: item.relativePath, repo: item.repository?.name ?? null }, item.json);
    if (parsed.ok) result.documents.push(...parsed.documents);
    else errors.push(...fileErrors(item.file, parsed.errors));
  }
  for (const item of classified.filter((c) => c.format === "inventory")) {
    const parsed = parseInventory(item.file.path, item.json);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    result.documents.push(parsed.document);
    result.references.push(...parsed.references);
  }

  deriveWorkflowEvidence(result.documents, manifests);

  const byKey = new Map<string, number>();
  result.documents.forEach((document, index) => {
    if (byKey.has(document.key))
      errors.push({ file: document.key, message: "two input files describe the same document (the same advisory id, workflow or lockfile twice)" });
    byKey.set(document.key, index);
  });
  return result;
}
