import path from "node:path";
import { z } from "zod";

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgresql"; url: string; schema?: string };

const ZPostgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "DATABASE_URL must look like postgresql://user@host:5432/database");

export class ConfigError extends Error {}

/** Reads which database to use: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const rawUrl = env.DATABASE_URL?.trim();
  if (rawUrl) {
    const parsed = ZPostgresUrl.safeParse(rawUrl);
    if (!parsed.success) throw new ConfigError(`DATABASE_URL is malformed: ${parsed.error.issues[0]?.message}`);
    const schema = new URL(parsed.data).searchParams.get("schema") ?? undefined;
    return { kind: "postgresql", url: parsed.data, schema };
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.BLASTMAP_DATA_DIR?.trim() || path.join(".blastmap", "data"));
  return { kind: "pglite", dataDir };
}

/** A description safe to print: never includes a password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `embedded PGlite at ${config.dataDir}`;
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}
