import { joinDirectory } from "./directories";
import { shellCommands } from "./shell-commands";
import { DIRECTORY_FLAGS, SHARED_VALUE_FLAGS } from "./package-manager-flags";

// Finding dependency installs in `run:` scripts, and what each one fetches. An install runs the
// lifecycle scripts (preinstall/install/postinstall) of every package it fetches, which is how the
// 2025 npm worms (Shai-Hulud, the s1ngularity nx compromise) read tokens from CI environments.
//  - A lockfile install (`npm ci`, `pnpm install`, `yarn`) fetches what its directory's lockfile
//    pins, so the lockfile's versions are installed in the job.
//  - A fresh resolve (`npx vercel@latest`, `npm i -g pnpm@8`, `pnpm dlx`, `yarn dlx`) fetches
//    exactly the named package from the registry, whatever any lockfile says: a compromised
//    `latest` reaches the job even when the lockfile is clean. The npx/dlx/exec forms run the
//    package's own code right away, in that step's environment.
// `npm install <pkg>` in a project does both: it installs the lockfile and resolves <pkg> fresh.

export type PackageManager = "npm" | "yarn" | "pnpm" | "bun" | "npx";

export interface RequestedPackage {
  name: string;
  /** the version or range written, "latest" when none */
  spec: string;
}

export interface InstallCommand {
  command: string;
  manager: PackageManager;
  /** `--ignore-scripts` on the command itself (the caller adds env and .npmrc settings) */
  ignoreScripts: boolean;
  /** offset of the command in the script */
  index: number;
  /** 0-based line of the script the command starts on */
  lineIndex: number;
  /** installs the lockfile of its directory */
  lockfile: boolean;
  /** resolves named packages from the registry, outside any lockfile */
  fresh: boolean;
  /** the registry packages it resolves fresh (git URLs, paths and tarballs are left out) */
  packages: RequestedPackage[];
  /** the fetched package's own code runs in this step (npx, exec, dlx, bunx) */
  runs: boolean;
  /** where it runs: the script's base directory moved by `cd` and by --prefix, -C, --dir or --cwd */
  directory: string;
}

const NPM_LOCKFILE_ONLY = new Set(["ci", "clean-install", "cit", "install-clean", "install-ci-test"]);
const NPM_INSTALL_VERBS = new Set([
  ...NPM_LOCKFILE_ONLY,
  "install",
  "i",
  "in",
  "ins",
  "inst",
  "insta",
  "instal",
  "isnt",
  "isntal",
  "isntall",
  "add",
  "it",
  "install-test",
]);
const PNPM_INSTALL_VERBS = new Set(["install", "i", "add", "it", "install-test"]);
const BUN_INSTALL_VERBS = new Set(["install", "i", "add", "a"]);
// Flags that take a value, so the next word is not a package or the sub-command.
const COMMON_VALUE_FLAGS = [...SHARED_VALUE_FLAGS, "--cache", "--tag", "--omit", "--include"];
const VALUE_FLAGS: Record<string, Set<string>> = {
  npm: new Set([...COMMON_VALUE_FLAGS, "--workspace", "-w", "--package", "-p", "-c", "--call", "--location"]),
  pnpm: new Set([...COMMON_VALUE_FLAGS, "--workspace", "--package", "--reporter"]),
  yarn: new Set([...COMMON_VALUE_FLAGS, "--package", "-p", "--modules-folder", "--network-timeout", "--mutex"]),
  bun: new Set([...COMMON_VALUE_FLAGS, "--package", "-p", "--backend", "--cwd"]),
};
const PACKAGE_FLAGS = new Set(["--package", "-p"]);
const MAX_COMMAND_LENGTH = 200;

export function findInstallCommands(script: string, base = ""): InstallCommand[] {
  const found: InstallCommand[] = [];
  for (const shell of shellCommands(script, base)) {
    const program = shell.words[0].split(/[\\/]/).pop() ?? "";
    const install = classify(program, shell.words.slice(1));
    if (!install) continue;
    const flags = readFlags(install.family, shell.words.slice(1));
    found.push({
      command: shell.written.slice(0, MAX_COMMAND_LENGTH),
      manager: install.manager,
      ignoreScripts: flags.ignoreScripts,
      index: shell.index,
      lineIndex: shell.lineIndex,
      lockfile: install.lockfile,
      fresh: install.fresh,
      packages: install.packageArgs.flatMap((arg) => {
        const requested = parsePackageArgument(arg);
        return requested ? [requested] : [];
      }),
      runs: install.runs,
      directory: flags.directory === null ? shell.directory : joinDirectory(shell.directory, flags.directory),
    });
  }
  return found;
}

interface Classified {
  manager: PackageManager;
  family: keyof typeof VALUE_FLAGS;
  lockfile: boolean;
  fresh: boolean;
  runs: boolean;
  packageArgs: string[];
}

function classify(program: string, rest: string[]): Classified | null {
  const family = program === "npx" ? "npm" : program === "pnpx" || program === "pn" ? "pnpm" : program === "bunx" ? "bun" : program;
  if (!(family in VALUE_FLAGS)) return null;
  const { positionals, packageFlags, global } = readArguments(family, rest);
  const [verb, ...args] = positionals;
  // `npx pkg`, `npm exec pkg`: the -p packages, else the first word is the package to fetch and run
  const runner = (manager: PackageManager, words: string[]): Classified | null =>
    rest.includes("--no-install") || rest.includes("--no")
      ? null // only runs what is already installed
      : { manager, family, lockfile: false, fresh: true, runs: true, packageArgs: packageFlags.length > 0 ? packageFlags : words.slice(0, 1) };
  const install = (manager: PackageManager, lockfileOnly = false): Classified =>
    global
      ? { manager, family, lockfile: false, fresh: true, runs: false, packageArgs: args }
      : { manager, family, lockfile: true, fresh: !lockfileOnly && args.length > 0, runs: false, packageArgs: lockfileOnly ? [] : args };

  switch (program) {
    case "npx":
      return positionals.length > 0 || packageFlags.length > 0 ? runner("npx", positionals) : null;
    case "pnpx":
      return positionals.length > 0 || packageFlags.length > 0 ? runner("pnpm", positionals) : null;
    case "bunx":
      return positionals.length > 0 || packageFlags.length > 0 ? runner("bun", positionals) : null;
    case "npm":
      if (verb === "exec" || verb === "x") return runner("npx", args);
      return verb !== undefined && NPM_INSTALL_VERBS.has(verb) ? install("npm", NPM_LOCKFILE_ONLY.has(verb)) : null;
    case "yarn":
      // bare `yarn` (or only flags, e.g. `yarn --frozen-lockfile`) installs
      if (verb === undefined) return rest.some((word) => word === "--version" || word === "-v" || word === "--help") ? null : install("yarn", true);
      if (verb === "install") return install("yarn", true);
      if (verb === "add") return install("yarn");
      if (verb === "dlx") return runner("yarn", args);
      if (verb === "global" && args[0] === "add") return { manager: "yarn", family, lockfile: false, fresh: true, runs: false, packageArgs: args.slice(1) };
      return null;
    case "pnpm":
    case "pn": // pnpm 11's short name (pnpm/pnpm's own workflows call `pn add`)
      if (verb === "dlx") return runner("pnpm", args);
      return verb !== undefined && PNPM_INSTALL_VERBS.has(verb) ? install("pnpm") : null;
    case "bun":
      if (verb === "x") return runner("bun", args);
      return verb !== undefined && BUN_INSTALL_VERBS.has(verb) ? install("bun") : null;
    default:
      return null;
  }
}

/** Positional words, the values of -p/--package, and whether the install is global. */
function readArguments(family: string, words: string[]): { positionals: string[]; packageFlags: string[]; global: boolean } {
  const valueFlags = VALUE_FLAGS[family];
  const positionals: string[] = [];
  const packageFlags: string[] = [];
  let global = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--") {
      positionals.push(...words.slice(i + 1));
      break;
    }
    const [flag, inline] = word.includes("=") ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)] : [word, null];
    if (word === "-g" || word === "--global" || (flag === "--location" && inline === "global") || (flag === "--global" && inline === "true")) {
      global = true;
      continue;
    }
    if (flag === "--location" && inline === null && words[i + 1] === "global") {
      global = true;
      i++;
      continue;
    }
    if (valueFlags.has(flag)) {
      const value = inline ?? words[++i];
      if (PACKAGE_FLAGS.has(flag) && value !== undefined) packageFlags.push(value);
      continue;
    }
    if (!word.startsWith("-")) positionals.push(word);
  }
  return { positionals, packageFlags, global };
}

function readFlags(family: string, words: string[]): { ignoreScripts: boolean; directory: string | null } {
  let directory: string | null = null;
  let ignoreScripts = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--") break;
    if (word === "--ignore-scripts" || word === "--ignore-scripts=true") ignoreScripts = true;
    const [flag, inline] = word.includes("=") ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)] : [word, null];
    if (DIRECTORY_FLAGS.has(flag)) directory = inline ?? words[i + 1] ?? null;
    if (VALUE_FLAGS[family].has(flag) && inline === null) i++;
  }
  return { ignoreScripts, directory };
}

// Specs that do not come from the registry: a git repository, a URL, a local path or tarball, a
// GitHub shorthand (`user/repo`), or a workspace/link protocol.
const NON_REGISTRY = /^(\.{0,2}\/|~|file:|link:|portal:|workspace:|patch:|git[+:]|git@|https?:|ssh:|github:|gitlab:|bitbucket:|gist:)/i;
const PACKAGE_NAME = /^(@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/i;

/** `vercel@33.1.0` → { vercel, 33.1.0 }, `@nx/workspace` → { @nx/workspace, latest }; null when not a registry package. */
export function parsePackageArgument(argument: string): RequestedPackage | null {
  const text = argument.trim();
  if (text === "" || NON_REGISTRY.test(text) || /\.(tgz|tar\.gz|tar)$/i.test(text)) return null;
  const at = text.indexOf("@", text.startsWith("@") ? 1 : 0);
  const name = at > 0 ? text.slice(0, at) : text;
  const spec = at > 0 ? text.slice(at + 1) : "";
  if (!PACKAGE_NAME.test(name)) return null;
  // an alias (`foo@npm:bar@1`) installs the aliased package
  if (spec.toLowerCase().startsWith("npm:")) return parsePackageArgument(spec.slice(4));
  if (NON_REGISTRY.test(spec) || /^[\w.-]+\/[\w.-]+/.test(spec)) return null;
  return { name, spec: spec === "" ? "latest" : spec };
}
