import { ConfigError } from "@/lib/database/config";
import { SchemaTooNewError } from "@/lib/database/migrate";
import { DatabaseUnavailableError } from "@/lib/database/open-database";
import { CliError } from "./cli-error";
import { COMMANDS } from "./commands";

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    "usage: blastmap <command> [options]",
    "",
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    "",
    "Database: embedded PGlite in BLASTMAP_DATA_DIR (default ./.blastmap/data), or PostgreSQL with DATABASE_URL.",
  ].join("\n");
}

// Expected failures are one line and an exit code, never a stack trace (BLASTMAP_DEBUG=1 shows it).
function report(error: unknown): number {
  if (process.env.BLASTMAP_DEBUG) console.error(error);
  const known = [CliError, ConfigError, DatabaseUnavailableError, SchemaTooNewError].some((type) => error instanceof type);
  const message = error instanceof Error ? error.message : String(error);
  console.error(`blastmap: ${known ? message : `unexpected error: ${message.split("\n")[0]}`}`);
  return error instanceof CliError ? error.exitCode : 1;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(help());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`blastmap: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(`usage: ${command.usage}\n\n${entry.summary}`);
    return 0;
  }
  return command.run(rest);
}

// process.exit drops what stdout has not handed to a pipe yet (`blastmap findings --sarif | jq`
// stopped at 64 KiB): exit once everything written so far is flushed.
const exit = (code: number) => process.stdout.write("", () => process.exit(code));

main(process.argv.slice(2)).then(exit, (error) => exit(report(error)));
