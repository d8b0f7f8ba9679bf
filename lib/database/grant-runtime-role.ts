import { GRAPH_TABLES } from "./graph-tables";
import type { OpenDatabase } from "./open-database";

// The audit log's append-only trigger binds every role but the table's owner, who may disable or
// drop it. So in production the server runs as a role that owns nothing: it may read and write the
// graph, but on "AuditEvent" only SELECT and INSERT, and it cannot ALTER the table. Migrations run
// as the owning role; this grants the runtime role what the server needs after each migration.

export class RuntimeRoleError extends Error {}

const AUDIT_TABLE = "AuditEvent";
const MIGRATIONS_TABLE = "_prisma_migrations";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Grants `role` (an existing PostgreSQL role) the runtime privileges on the schema the migrations
 * wrote: SELECT/INSERT/UPDATE/DELETE on the tables, only SELECT/INSERT on the audit log, only
 * SELECT on the migration history, USAGE/SELECT on the sequences. Idempotent: it first revokes
 * what it manages, so running it after every migration leaves exactly these grants.
 */
export async function grantRuntimeRole(database: OpenDatabase, role: string): Promise<{ schema: string; tables: number }> {
  if (database.config.kind !== "postgresql") {
    throw new RuntimeRoleError(
      "--grant-runtime-role applies to PostgreSQL only: the embedded PGlite database has a single user, so its audit log is as safe as the data directory's file permissions.",
    );
  }
  if (!/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(role)) throw new RuntimeRoleError(`"${role}" is not a role name`);
  const [target] = await database.query<{ rolsuper: boolean; rolbypassrls: boolean }>("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", [role]);
  if (!target) {
    throw new RuntimeRoleError(`role "${role}" does not exist; create it first (CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD '…'), then run this again`);
  }
  const [{ schema, owner }] = await database.query<{ schema: string; owner: string | null }>(
    `SELECT current_schema() AS schema,
            (SELECT pg_get_userbyid(c.relowner) FROM pg_class c WHERE c.oid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1))) AS owner`,
    [AUDIT_TABLE],
  );
  if (!owner) throw new RuntimeRoleError(`${database.description} has no ${AUDIT_TABLE} table yet; run \`blastmap migrate\` first`);
  // A superuser, the owner, or a member of the owner's role could still switch the trigger off.
  const [{ member }] = await database.query<{ member: boolean }>("SELECT pg_has_role($1, $2, 'MEMBER') AS member", [role, owner]);
  if (target.rolsuper || member) {
    throw new RuntimeRoleError(
      `role "${role}" is ${target.rolsuper ? "a superuser" : `"${owner}" (or a member of it), which owns the tables`}; the runtime role must be a separate role that owns nothing`,
    );
  }

  const r = quoteIdent(role);
  const s = quoteIdent(schema);
  const tables = await database.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", [schema]);
  const statements = [
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
    `REVOKE UPDATE, DELETE ON ${s}.${quoteIdent(AUDIT_TABLE)} FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE ON ${s}.${quoteIdent(MIGRATIONS_TABLE)} FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
  ];
  // Imports ANALYZE the graph tables after a bulk load; PostgreSQL 17 lets a non-owner do that
  // (MAINTAIN). Earlier versions skip it with a warning and leave it to autovacuum.
  const [{ version }] = await database.query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version");
  if (version >= 170000) statements.push(`GRANT MAINTAIN ON ${GRAPH_TABLES.map((table) => `${s}.${quoteIdent(table)}`).join(", ")} TO ${r}`);
  // One simple-protocol script: one connection, one transaction, all or nothing.
  await database.query(`BEGIN; ${statements.join("; ")}; COMMIT;`);
  return { schema, tables: tables.length };
}
