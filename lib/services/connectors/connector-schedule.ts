import type { Db } from "@/lib/db";
import { ConnectorError, connectorKinds, createConnector } from "./connector-registry";
import { connectorRequestFromEnv } from "./connector-settings";
import { runConnector } from "./run-connector";

// The server-side schedule: `blastmap start --connect github:acme --connect npm:@acme --every 6h`
// (or BLASTMAP_CONNECT and BLASTMAP_CONNECT_EVERY) makes the server itself sync those connectors,
// in its own process — the one that holds the embedded database — with the tokens of its own
// environment, exactly as a sync started from Import → Connectors.

export interface ConnectorScheduleEntry {
  kind: string;
  target: string;
}

export interface ConnectorSchedule {
  entries: ConnectorScheduleEntry[];
  everyMs: number;
}

const EVERY = /^(\d+)(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
export const MIN_EVERY_MS = 5 * 60_000;

/** "6h" → milliseconds; at least five minutes, so a schedule cannot hammer an API. Throws a sentence. */
export function parseEvery(value: string): number {
  const match = EVERY.exec(value.trim());
  if (!match) throw new ConnectorError(`--every takes a duration such as 30m, 6h or 1d, got "${value}"`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms < MIN_EVERY_MS) throw new ConnectorError(`--every must be at least 5m, got "${value}"`);
  return ms;
}

/** "github:acme" → { kind: "github", target: "acme" }; the kind must be a known connector. */
export function parseScheduleEntry(value: string): ConnectorScheduleEntry {
  const at = value.indexOf(":");
  const kind = at > 0 ? value.slice(0, at).trim() : "";
  const target = at > 0 ? value.slice(at + 1).trim() : "";
  if (!kind || !target) throw new ConnectorError(`a scheduled connector is <kind>:<organisation or scope>, e.g. github:acme or npm:@acme — got "${value}"`);
  if (!connectorKinds().includes(kind)) throw new ConnectorError(`unknown connector "${kind}" in "${value}"; known: ${connectorKinds().join(", ")}`);
  return { kind, target };
}

/** BLASTMAP_CONNECT ("github:acme,npm:@acme") and BLASTMAP_CONNECT_EVERY ("6h"); null when nothing is scheduled. */
export function connectorScheduleFromEnv(env: Record<string, string | undefined> = process.env): ConnectorSchedule | null {
  const list = (env.BLASTMAP_CONNECT ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (list.length === 0) return null;
  return { entries: list.map(parseScheduleEntry), everyMs: parseEvery(env.BLASTMAP_CONNECT_EVERY ?? "6h") };
}

/** One round: every scheduled connector once, one after the other; a failure is recorded and the next still runs. */
export async function runScheduledConnectors(
  db: Db,
  schedule: ConnectorSchedule,
  log: (line: string) => void,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  for (const { kind, target } of schedule.entries) {
    try {
      const connector = createConnector(kind, connectorRequestFromEnv(kind, target, env));
      const result = await runConnector(db, connector, { actor: `schedule:${kind}:${target}`, auditActor: { kind: "system", id: null, name: "schedule" } });
      log(`blastmap: scheduled ${kind} ${target}: ${result.message}`);
    } catch (error) {
      log(`blastmap: scheduled ${kind} ${target} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Runs the schedule for the life of the process: the first round shortly after start, then one
 * every `everyMs` after the previous round ended (never two at once). Returns a stop function.
 */
export function startConnectorSchedule(
  schedule: ConnectorSchedule,
  open: () => Promise<Db>,
  {
    log = console.log,
    firstDelayMs = 30_000,
    env = process.env,
  }: { log?: (line: string) => void; firstDelayMs?: number; env?: Record<string, string | undefined> } = {},
): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const round = async () => {
    try {
      await runScheduledConnectors(await open(), schedule, log, env);
    } catch (error) {
      log(`blastmap: the connector schedule could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) timer = setTimeout(round, schedule.everyMs).unref();
  };
  timer = setTimeout(round, firstDelayMs).unref();
  log(`blastmap: syncing ${schedule.entries.map((entry) => `${entry.kind} ${entry.target}`).join(", ")} every ${Math.round(schedule.everyMs / 60_000)} min`);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
