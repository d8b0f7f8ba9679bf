import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error";

/** A command's code; its one-line summary is in ./commands/index.ts, which lists commands without loading them. */
export interface Command {
  usage: string;
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** node:util parseArgs with usage errors turned into exit code 2. */
export function parseCommandArgs<T extends ParseArgsConfig["options"]>(argv: string[], options: T, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nusage: ${usage}`, 2);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes JSON text that arrives in chunks, waiting for stdout to drain (a large radius is ~200 MB). */
export async function writeJsonChunks(chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  process.stdout.write("\n");
}

/** Plain aligned columns for terminal output. */
export function formatTable(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? "").length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => String(cell ?? "").padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
