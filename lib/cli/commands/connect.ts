import { setTimeout as sleep } from "node:timers/promises";
import type { Connector } from "@/lib/connectors/connector";
import { ConnectorError, connectorKinds, createConnector } from "@/lib/services/connectors/connector-registry";
import { parseEvery as parseScheduleEvery } from "@/lib/services/connectors/connector-schedule";
import { runConnector } from "@/lib/services/connectors/run-connector";
import { CONNECTOR_SNAPSHOT_PARTS, type TConnectorRunResult } from "@/lib/schemas/connectors/connector-run";
import { CliError } from "../cli-error";
import { cliActor } from "../cli-actor";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = [
  "blastmap connect github --org ORG [--token-env GITHUB_TOKEN] [--api-url URL] [--skip-fine-grained-tokens] [--dry-run] [--json] [--every 6h]",
  "       blastmap connect npm --scope @org [--token-env NPM_TOKEN] [--registry URL] [--public-only] [--versions 5] [--dry-run] [--json] [--every 6h]",
].join("\n");

/** "6h" → milliseconds, or a usage error (exit 2). */
export function parseEvery(value: string): number {
  try {
    return parseScheduleEvery(value);
  } catch (error) {
    if (error instanceof ConnectorError) throw new CliError(error.message, 2);
    throw error;
  }
}

const options = {
  org: { type: "string" },
  scope: { type: "string" },
  "token-env": { type: "string" },
  "api-url": { type: "string" },
  registry: { type: "string" },
  "skip-fine-grained-tokens": { type: "boolean" },
  "public-only": { type: "boolean" },
  versions: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  every: { type: "string" },
} as const;

export interface ConnectInvocation {
  kind: string;
  target: string;
  connector: Connector;
  dryRun: boolean;
  json: boolean;
  every: number | null;
}

/** `blastmap connect <kind> …`'s arguments, checked, and the connector they ask for. */
export function parseConnectArgs(argv: string[], env: Record<string, string | undefined> = process.env): ConnectInvocation {
  const { values, positionals } = parseCommandArgs(argv, options, usage, true);
  const [kind] = positionals;
  if (!kind || positionals.length > 1) throw new CliError(`name one connector (${connectorKinds().join(", ")})\nusage: ${usage}`, 2);
  const target = kind === "npm" ? values.scope : values.org;
  if (!target) throw new CliError(`name what to read: ${kind === "npm" ? "--scope for npm" : "--org for github"}\nusage: ${usage}`, 2);
  const tokenEnv = values["token-env"];
  if (tokenEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv)) {
    throw new CliError(`--token-env takes an environment variable's name, got "${tokenEnv}"`, 2);
  }
  if (tokenEnv !== undefined && !env[tokenEnv]?.trim() && !values["public-only"])
    throw new CliError(`--token-env ${tokenEnv}: that environment variable is not set`, 2);
  const apiUrl = values["api-url"] ?? values.registry;
  if (apiUrl !== undefined && (!URL.canParse(apiUrl) || !/^https?:$/.test(new URL(apiUrl).protocol))) {
    throw new CliError(`--${values["api-url"] !== undefined ? "api-url" : "registry"} must be an http(s) URL, not "${apiUrl}"`, 2);
  }
  const versions = values.versions === undefined ? undefined : Number(values.versions);
  if (versions !== undefined && !(Number.isInteger(versions) && versions >= 1 && versions <= 100)) {
    throw new CliError("--versions takes a whole number from 1 to 100", 2);
  }
  const every = values.every !== undefined ? parseEvery(values.every) : null;
  if (every !== null && values["dry-run"]) throw new CliError("--every and --dry-run together would never write anything", 2);
  try {
    const connector = createConnector(kind, {
      target,
      tokenEnv,
      apiUrl,
      skipFineGrainedTokens: values["skip-fine-grained-tokens"],
      publicOnly: values["public-only"],
      recentVersions: versions,
      env,
    });
    return { kind, target, connector, dryRun: Boolean(values["dry-run"]), json: Boolean(values.json), every };
  } catch (error) {
    if (error instanceof ConnectorError) throw new CliError(error.message, 2);
    throw error;
  }
}

export const connectCommand: Command = {
  usage,
  async run(argv) {
    const { kind, target, connector, dryRun, json, every } = parseConnectArgs(argv);
    const once = async () => {
      const result = await withDatabase(({ prisma }) =>
        runConnector(prisma, connector, {
          actor: `connector:${kind}:${target} (${cliActor().name})`,
          auditActor: cliActor(),
          dryRun,
          progress: (line) => console.error(line),
        }),
      );
      if (json) printJson(result);
      else printRun(result);
      return result.ok ? 0 : 1;
    };
    if (every === null) return once();

    // A schedule keeps running: one failed run is reported and the next still happens.
    let stopped = false;
    const stop = () => (stopped = true);
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    const controller = new AbortController();
    process.once("SIGINT", () => controller.abort());
    process.once("SIGTERM", () => controller.abort());
    while (!stopped) {
      await once().catch((error: unknown) => console.error(`blastmap: ${error instanceof Error ? error.message : String(error)}`));
      if (stopped) break;
      console.error(`${kind}: next run at ${new Date(Date.now() + every).toISOString()}`);
      await sleep(every, undefined, { signal: controller.signal }).catch(() => {});
    }
    return 0;
  },
};

function printRun(result: TConnectorRunResult): void {
  if (!result.ok) {
    for (const error of result.import?.errors ?? []) console.error(`error: ${error.file}${error.line ? `:${error.line}` : ""}: ${error.message}`);
    console.error(`blastmap: ${result.message}`);
    if (result.hint) console.error(`hint: ${result.hint}`);
    return;
  }
  const counts = Object.entries(result.counts);
  if (counts.length > 0) console.log(formatTable([["collected", "count"], ...counts.map(([name, count]) => [name, count])]));
  if (result.changes) {
    const rows = CONNECTOR_SNAPSHOT_PARTS.map((part) => [part, result.changes![part].added.length, result.changes![part].removed.length]);
    console.log(`\n${formatTable([["since the last run", "new", "gone"], ...rows])}`);
    for (const part of ["secrets", "runners", "identities", "maintainers"] as const) {
      for (const ref of result.changes[part].added.slice(0, 20)) console.log(`  + ${ref}`);
      for (const ref of result.changes[part].removed.slice(0, 20)) console.log(`  - ${ref}`);
    }
  }
  console.log(`\n${result.message}`);
}
