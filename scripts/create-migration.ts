// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that brings the existing migrations up to schema.prisma (no native engine needed).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaDrift } from "../lib/database/migrate";
import { MIGRATIONS_DIR } from "../lib/database/migrations";
import { openDatabase } from "../lib/database/open-database";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const database = await openDatabase({ kind: "pglite", dataDir: ":memory:" });
try {
  const sql = await schemaDrift(database);
  if (!sql.trim()) {
    console.log("schema.prisma and the migrations already agree; nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await database.close();
}
