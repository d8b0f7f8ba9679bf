import pg from "pg";
import type { Db } from "@/lib/db";
import type { OpenDatabase } from "@/lib/database/open-database";
import type { TestDatabase } from "./test-database";

// A login role other than the tables' owner on a throwaway PostgreSQL database: what
// `blastmap migrate --grant-runtime-role` prepares for the server in production.

/** The owner's connection URL, logging in as `role` instead. */
export function urlAsRole(owner: TestDatabase, role: string): URL {
  if (owner.connection.config.kind !== "postgresql") throw new Error("expected PostgreSQL");
  const url = new URL(owner.connection.config.url);
  url.username = role;
  url.password = "";
  return url;
}

/** Closes the role's connection and the owner's database, then drops the role (nothing references it once the database is gone). */
export async function releaseRole(role: string, owner: TestDatabase | undefined, runtime: { connection: OpenDatabase; db: Db } | undefined): Promise<void> {
  await runtime?.db.$disconnect();
  await runtime?.connection.close();
  await owner?.close();
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
}
