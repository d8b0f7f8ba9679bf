// Resolving `${{ matrix.a.b }}` to the values a job's matrix can give it, so `runs-on` and `run:`
// scripts written against the matrix (vercel/next.js: `runs-on: ${{ matrix.settings.host }}` with
// host lists per entry) are read as what they will be at run time. `exclude` is ignored on
// purpose: keeping a value that may be excluded over-reports a runner, never hides one.

const MATRIX_EXPRESSION = /^\s*\$\{\{\s*matrix((?:\.[A-Za-z0-9_-]+)+)\s*\}\}\s*$/;
const ANY_MATRIX_EXPRESSION = /\$\{\{\s*matrix((?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;
const MAX_VALUES = 256;

/** The path of a whole-string matrix expression (`${{ matrix.settings.host }}` → ["settings", "host"]). */
export function matrixPath(text: string): string[] | null {
  const match = MATRIX_EXPRESSION.exec(text);
  return match ? match[1].slice(1).split(".") : null;
}

/** Every value the matrix can give a path, or null when it cannot be known from the file. */
export function matrixValues(matrix: unknown, path: readonly string[]): unknown[] | null {
  if (!isRecord(matrix) || path.length === 0) return null;
  const [head, ...rest] = path;
  const roots: unknown[] = [];
  const listed = matrix[head];
  if (Array.isArray(listed)) roots.push(...listed);
  else if (listed !== undefined) return null; // e.g. `os: ${{ fromJSON(inputs.os) }}`
  if (Array.isArray(matrix.include)) {
    for (const entry of matrix.include) if (isRecord(entry) && head in entry) roots.push(entry[head]);
  }
  const values: unknown[] = [];
  for (const root of roots) {
    let value: unknown = root;
    for (const key of rest) value = isRecord(value) ? value[key] : undefined;
    if (value === undefined) continue;
    if (typeof value === "string" && value.includes("${{")) return null;
    if (!values.some((known) => JSON.stringify(known) === JSON.stringify(value))) values.push(value);
    if (values.length >= MAX_VALUES) break;
  }
  return values.length > 0 ? values : null;
}

/**
 * The script as written plus, for each matrix expression in it, the values it can take, so an
 * install hidden behind `run: ${{ matrix.settings.build }}` is still found.
 */
export function matrixExpansions(text: string, matrix: unknown): string[] {
  const expansions: string[] = [];
  for (const match of text.matchAll(ANY_MATRIX_EXPRESSION)) {
    const values = matrixValues(matrix, match[1].slice(1).split("."));
    for (const value of values ?? []) if (typeof value === "string") expansions.push(value);
  }
  return expansions;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
