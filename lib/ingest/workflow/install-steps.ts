// Finding dependency installs in `run:` scripts. An install runs the lifecycle scripts
// (preinstall/install/postinstall) of every package it fetches, which is how the 2025 npm worms
// (Shai-Hulud, the s1ngularity nx compromise) read tokens from CI environments. `npx <pkg>` and
// its siblings fetch and run a package, so they count as installs too.

export type PackageManager = "npm" | "yarn" | "pnpm" | "bun" | "npx";

export interface InstallCommand {
  command: string;
  manager: PackageManager;
  /** `--ignore-scripts` on the command itself (the caller adds env and .npmrc settings) */
  ignoreScripts: boolean;
  /** offset of the command in the script */
  index: number;
  /** 0-based line of the script the command starts on */
  lineIndex: number;
}

const NPM_INSTALL_VERBS = new Set([
  "ci", "clean-install", "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isntal", "isntall",
  "add", "it", "cit", "install-test", "install-ci-test", "install-clean",
]);
const PNPM_INSTALL_VERBS = new Set(["install", "i", "add", "it", "install-test"]);
const BUN_INSTALL_VERBS = new Set(["install", "i", "add"]);
// Flags that take a value, so the next word is not the sub-command (`pnpm --filter web install`).
const VALUE_FLAGS = new Set(["--filter", "-F", "--dir", "-C", "--prefix", "--cwd", "--workspace", "--registry", "--loglevel", "--userconfig"]);
// Words that can precede a command without changing what runs.
const PREFIX_WORDS = new Set(["sudo", "time", "exec", "env", "command", "nohup", "then", "do", "else", "!", "{", "(", "run"]);
const SEPARATORS = /&&|\|\||;|\||`|\$\(|\(|\)/g;
const MAX_COMMAND_LENGTH = 200;

export function findInstallCommands(script: string): InstallCommand[] {
  // Line continuations join lines; replacing "\\\n" by two spaces keeps offsets intact.
  const text = script.replace(/\\\r?\n/g, (match) => " ".repeat(match.length));
  const commands: InstallCommand[] = [];
  let lineStart = 0;
  for (const [lineIndex, line] of text.split("\n").entries()) {
    const code = stripComment(line);
    let segmentStart = 0;
    for (const separator of [...code.matchAll(SEPARATORS), null]) {
      const end = separator ? (separator.index ?? code.length) : code.length;
      const segment = code.slice(segmentStart, end);
      const found = installIn(segment);
      if (found) {
        const leading = segment.length - segment.trimStart().length;
        commands.push({ ...found, index: lineStart + segmentStart + leading, lineIndex });
      }
      segmentStart = separator ? end + separator[0].length : code.length;
    }
    lineStart += line.length + 1;
  }
  return commands;
}

function installIn(segment: string): Omit<InstallCommand, "index" | "lineIndex"> | null {
  const words = segment.trim().split(/\s+/).filter(Boolean).map(unquote);
  let start = 0;
  while (start < words.length && (PREFIX_WORDS.has(words[start]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[start]))) start++;
  if (start >= words.length) return null;
  const program = words[start].split(/[\\/]/).pop() ?? "";
  const rest = words.slice(start + 1);
  const verb = firstArgument(rest);
  const manager = managerFor(program, verb, rest);
  if (!manager) return null;
  // The command as written (from the program on), not the unquoted words.
  const written = segment.trim().split(/\s+/).slice(start).join(" ");
  const command = written.slice(0, MAX_COMMAND_LENGTH);
  const ignoreScripts = rest.some((word) => word === "--ignore-scripts" || word === "--ignore-scripts=true");
  return { command, manager, ignoreScripts };
}

function managerFor(program: string, verb: string | null, rest: string[]): PackageManager | null {
  switch (program) {
    case "npm":
      if (verb === "exec" || verb === "x") return "npx";
      return verb !== null && NPM_INSTALL_VERBS.has(verb) ? "npm" : null;
    case "npx":
      return verb !== null ? "npx" : null;
    case "yarn":
      // bare `yarn` (or only flags, e.g. `yarn --frozen-lockfile`) installs
      if (verb === null) return rest.some((word) => word === "--version" || word === "-v" || word === "--help") ? null : "yarn";
      if (verb === "install" || verb === "add" || verb === "dlx") return "yarn";
      return verb === "global" && rest.includes("add") ? "yarn" : null;
    case "pnpm":
    case "pn": // pnpm 11's short name (pnpm/pnpm's own workflows call `pn add`)
      return verb !== null && (PNPM_INSTALL_VERBS.has(verb) || verb === "dlx") ? "pnpm" : null;
    case "pnpx":
      return verb !== null ? "pnpm" : null;
    case "bun":
      return verb !== null && (BUN_INSTALL_VERBS.has(verb) || verb === "x") ? "bun" : null;
    case "bunx":
      return verb !== null ? "bun" : null;
    default:
      return null;
  }
}

function firstArgument(words: string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (VALUE_FLAGS.has(word)) {
      i++;
      continue;
    }
    if (!word.startsWith("-")) return word;
  }
  return null;
}

/** Removes a shell comment: `#` at the start of a word, outside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = null;
      else if (char === "\\" && quote === '"') i++;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function unquote(word: string): string {
  return word.replace(/^['"]|['"]$/g, "");
}
