import type { TFileProblem } from "@/lib/schemas/input-problem";

// JSON.parse with errors a user can act on: the file, the line, and why. Nesting is checked
// first with a linear scan, so a "[[[[…" bomb is refused before any recursive code walks it.

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: TFileProblem };

export function parseJsonSource(file: string, text: string, maxDepth: number): JsonParse {
  const depth = nestingDepth(text, maxDepth);
  if (depth.tooDeep) {
    return { ok: false, error: { file, line: lineOf(text, depth.at), message: `JSON is nested deeper than ${maxDepth} levels; refused` } };
  }
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+)/.exec(message);
    const atEnd = /end of (JSON )?input/i.test(message);
    const line = lineColumn ? Number(lineColumn[1]) : position ? lineOf(text, Number(position[1])) : atEnd ? lineOf(text, text.length) : undefined;
    const reason = message.replace(/ in JSON at position \d+.*$/s, "").replace(/\s*\(line \d+ column \d+\)/, "");
    return { ok: false, error: { file, ...(line ? { line } : {}), message: `malformed JSON: ${reason}` } };
  }
}

export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
}

function nestingDepth(text: string, maxDepth: number): { tooDeep: boolean; at: number } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return { tooDeep: true, at: i };
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return { tooDeep: false, at: 0 };
}

/** `$.affected[0].ranges` from a list of keys, for errors that name a place in a JSON file. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === "number"
        ? `${path}[${segment}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(segment))
          ? `${path}.${String(segment)}`
          : `${path}[${JSON.stringify(String(segment))}]`,
    "$",
  );
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
