import { joinDirectory } from "./directories";

// The simple commands of a `run:` script, in order, each with the directory it runs in. This is
// not a shell parser: it splits on `&&`, `||`, `;`, pipes and command substitutions, follows line
// continuations, drops comments, and tracks `cd`/`pushd` so `cd web && npm ci` installs web's
// lockfile. Enough for the install and publish commands CI scripts are written with.

export interface ShellCommand {
  /** the words from the program on, quotes removed */
  words: string[];
  /** the command as written, from the program on */
  written: string;
  /** offset of the command in the script */
  index: number;
  /** 0-based line of the script the command starts on */
  lineIndex: number;
  /** the directory it runs in: `base` moved by every `cd` before it in the script */
  directory: string;
}

// Words that can precede a command without changing what runs.
const PREFIX_WORDS = new Set(["sudo", "time", "exec", "env", "command", "nohup", "then", "do", "else", "!", "{", "(", "run"]);
const SEPARATORS = /&&|\|\||;|\||`|\$\(|\(|\)/g;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// A GitHub expression is one word, whatever it holds (`turbo@${{ env.TURBO_VERSION }}`, `a || b`).
// Bounded, so a line full of unclosed `${{` stays linear.
const EXPRESSION = /\$\{\{[^}\n]{0,256}\}\}/g;
const WORD = /(?:\$\{\{[^}\n]{0,256}\}\}|\S)+/g;

export function shellCommands(script: string, base = ""): ShellCommand[] {
  // Line continuations join lines; replacing "\\\n" by spaces keeps offsets intact.
  const text = script.replace(/\\\r?\n/g, (match) => " ".repeat(match.length));
  const commands: ShellCommand[] = [];
  let directory = base;
  let lineStart = 0;
  for (const [lineIndex, line] of text.split("\n").entries()) {
    const code = stripComment(line);
    const masked = code.replace(EXPRESSION, (expression) => "x".repeat(expression.length));
    let segmentStart = 0;
    for (const separator of [...masked.matchAll(SEPARATORS), null]) {
      const end = separator ? (separator.index ?? code.length) : code.length;
      const segment = code.slice(segmentStart, end);
      const written = segment.match(WORD) ?? [];
      let start = 0;
      while (start < written.length && (PREFIX_WORDS.has(written[start]) || ASSIGNMENT.test(written[start]))) start++;
      if (start < written.length) {
        const words = written.slice(start).map(unquote);
        if (words[0] === "cd" || words[0] === "pushd") {
          const target = words.slice(1).find((word) => !word.startsWith("-"));
          // a bare `cd` goes home, outside the repository
          directory = target === undefined ? "~" : joinDirectory(directory, target);
        } else {
          const leading = segment.length - segment.trimStart().length;
          commands.push({ words, written: written.slice(start).join(" "), index: lineStart + segmentStart + leading, lineIndex, directory });
        }
      }
      segmentStart = separator ? end + separator[0].length : code.length;
    }
    lineStart += line.length + 1;
  }
  return commands;
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

export function unquote(word: string): string {
  return word.replace(/^['"]|['"]$/g, "");
}
