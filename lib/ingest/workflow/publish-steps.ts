import type { TPublishStep } from "@/lib/schemas/graph-facts";
import { joinDirectory, normaliseDirectory } from "./directories";
import { findSecretReferences } from "./secret-references";
import { shellCommands } from "./shell-commands";
import { DIRECTORY_FLAGS, SHARED_VALUE_FLAGS } from "./package-manager-flags";

// Publishing in a job: `npm publish` and its kin, and the actions that publish. A publish step is
// evidence that the credentials handed to it can publish the packages of its directory (or every
// workspace package when it publishes recursively), which the worm rule (docs/MODEL.md, rule 9)
// needs. The secrets counted are the ones npm reads for the registry: NODE_AUTH_TOKEN (what
// actions/setup-node's .npmrc points at), NPM_TOKEN and NPM_AUTH_TOKEN, an action's token input,
// or an `_authToken=` written into an .npmrc by an earlier step.

export type PublishTool = TPublishStep["tool"];

export interface PublishCommand {
  command: string;
  tool: PublishTool;
  recursive: boolean;
  provenance: boolean;
  directory: string;
  index: number;
  lineIndex: number;
}

const MAX_COMMAND_LENGTH = 200;
const TOKEN_ENV = new Set(["NODE_AUTH_TOKEN", "NPM_TOKEN", "NPM_AUTH_TOKEN"]);
const RUNNERS = new Set(["npx", "pnpx", "bunx"]);
const EXEC_VERBS = new Set(["exec", "x", "dlx"]);

/** Publish commands in a script that starts in `base`. */
export function findPublishCommands(script: string, base = ""): PublishCommand[] {
  const found: PublishCommand[] = [];
  for (const shell of shellCommands(script, base)) {
    const publish = publishIn(shell.words);
    if (!publish) continue;
    const provenance = shell.words.some((word) => word === "--provenance" || word === "--provenance=true");
    found.push({
      command: shell.written.slice(0, MAX_COMMAND_LENGTH),
      tool: publish.tool,
      recursive: publish.recursive,
      provenance,
      directory: publish.folder === null ? shell.directory : joinDirectory(shell.directory, publish.folder),
      index: shell.index,
      lineIndex: shell.lineIndex,
    });
  }
  return found;
}

// Flags that take a value, so the next word is not a folder or sub-command.
const VALUE_FLAGS = new Set([...SHARED_VALUE_FLAGS, "--tag", "--access", "--otp", "--workspace", "-w", "--publish-branch"]);

function publishIn(words: string[]): { tool: PublishTool; recursive: boolean; folder: string | null } | null {
  const program = words[0].split(/[\\/]/).pop() ?? "";
  const rest = words.slice(1);
  const positionals: string[] = [];
  let directoryFlag: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    const flag = word.split("=")[0];
    if (DIRECTORY_FLAGS.has(flag)) directoryFlag = word.includes("=") ? word.slice(word.indexOf("=") + 1) : (rest[i + 1] ?? null);
    if (VALUE_FLAGS.has(word)) i++;
    else if (!word.startsWith("-")) positionals.push(word);
  }
  const found = publishTool(program, rest, positionals);
  if (!found) return null;
  const folder = found.folder ?? directoryFlag;
  return { ...found, folder: folder && directoryFlag && found.folder ? joinDirectory(directoryFlag, found.folder) : folder };
}

function publishTool(program: string, rest: string[], positionals: string[]): { tool: PublishTool; recursive: boolean; folder: string | null } | null {
  const words = [program, ...rest];
  const recursiveFlag = rest.some((word) => word === "-r" || word === "--recursive" || word === "--workspaces" || word === "-ws" || word === "--ws");
  if (program === "npm" && positionals[0] === "publish") {
    const folder = positionals[1] && !/\.(tgz|tar\.gz)$/.test(positionals[1]) ? positionals[1] : null;
    return { tool: "npm", recursive: recursiveFlag, folder };
  }
  if ((program === "pnpm" || program === "pn") && positionals[0] === "publish")
    return { tool: "pnpm", recursive: recursiveFlag, folder: positionals[1] ?? null };
  if (program === "yarn") {
    if (positionals[0] === "publish" || (positionals[0] === "npm" && positionals[1] === "publish")) return { tool: "yarn", recursive: false, folder: null };
    // yarn berry: `yarn workspaces foreach … npm publish`
    if (positionals[0] === "workspaces" && positionals[1] === "foreach" && words.join(" ").includes("npm publish"))
      return { tool: "yarn", recursive: true, folder: null };
  }
  // the tools that publish: run directly, through a package runner, or as a pnpm/yarn bin
  let tool = positionals;
  if (RUNNERS.has(program) || program === "npm" || program === "pnpm" || program === "yarn" || program === "bun") {
    tool = EXEC_VERBS.has(positionals[0] ?? "") ? positionals.slice(1) : RUNNERS.has(program) ? positionals : program === "npm" ? [] : positionals;
  } else {
    tool = [program, ...positionals];
  }
  const name = (tool[0] ?? "").replace(/(.)@[^/]*$/, "$1");
  if ((name === "changeset" || name === "@changesets/cli") && tool[1] === "publish") return { tool: "changesets", recursive: true, folder: null };
  if ((name === "lerna" || name === "@lerna/cli") && tool[1] === "publish") return { tool: "lerna", recursive: true, folder: null };
  if (name === "semantic-release") return { tool: "semantic-release", recursive: false, folder: null };
  return null;
}

/** A publishing action step: changesets/action (with a `publish` command), JS-DevTools/npm-publish. */
export function publishByAction(
  uses: string,
  inputs: Record<string, unknown>,
): { command: string; tool: PublishTool; recursive: boolean; provenance: boolean; directory: string; tokenInputs: unknown[] } | null {
  const slug = uses.trim().split("@")[0].toLowerCase();
  if (slug === "changesets/action" || slug === "changesets/action/publish") {
    // changesets/action only versions (opens the release PR) unless it is given a publish command
    const publish = typeof inputs.publish === "string" ? inputs.publish.trim() : null;
    if (slug === "changesets/action" && !publish) return null;
    const directory = typeof inputs.cwd === "string" ? normaliseDirectory(inputs.cwd) : "";
    return { command: publish ?? uses.trim(), tool: "changesets", recursive: true, provenance: false, directory, tokenInputs: [] };
  }
  if (slug === "js-devtools/npm-publish") {
    const target = typeof inputs.package === "string" ? inputs.package.trim() : "";
    const directory = normaliseDirectory(target.replace(/(^|\/)package\.json$/, ""));
    const provenance =
      String(inputs.provenance ?? "")
        .trim()
        .toLowerCase() === "true";
    return { command: uses.trim(), tool: "npm", recursive: false, provenance, directory, tokenInputs: [inputs.token] };
  }
  return null;
}

/** Secrets handed to npm through the registry-token variables of an environment. */
export function registryTokenSecrets(env: Record<string, unknown>): string[] {
  return Object.entries(env)
    .filter(([name]) => TOKEN_ENV.has(name.toUpperCase()))
    .flatMap(([, value]) => secretNamesIn(value));
}

/** `NPM_CONFIG_PROVENANCE: true` in the environment. */
export function provenanceByEnv(env: Record<string, unknown>): boolean {
  return Object.entries(env).some(([name, value]) => name.toUpperCase() === "NPM_CONFIG_PROVENANCE" && String(value).trim().toLowerCase() === "true");
}

/**
 * Secrets a script writes into an .npmrc as the registry token: `_authToken=${{ secrets.X }}`,
 * or `_authToken=${VAR}` / `$VAR` with VAR set from a secret in the step's environment.
 */
export function npmrcTokenSecrets(script: string, env: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const line of script.split("\n")) {
    const at = line.indexOf("_authToken");
    if (at < 0) continue;
    const tail = line.slice(at);
    names.push(...findSecretReferences(tail).map((reference) => reference.name));
    for (const match of tail.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)) {
      const value = Object.entries(env).find(([name]) => name === match[1])?.[1];
      if (value !== undefined) names.push(...secretNamesIn(value));
    }
  }
  return names;
}

export function secretNamesIn(value: unknown): string[] {
  return typeof value === "string" ? findSecretReferences(value).map((reference) => reference.name) : [];
}
