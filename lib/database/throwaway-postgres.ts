import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A new, empty PostgreSQL database beside the one `adminUrl` names — each test file and benchmark gets
 * its own, so nothing they write can meet another's data. `drop()` removes it, connections and all.
 */
export async function createThrowawayPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!/^[a-z_]+$/.test(prefix)) throw new Error(`database name prefix must be lower-case letters and _, got "${prefix}"`);
  const admin = new URL(adminUrl);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
