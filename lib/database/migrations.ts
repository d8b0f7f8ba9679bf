import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// bin/blastmap.mjs sets BLASTMAP_ROOT; the Next.js server and tests run from the project root.
// (Not import.meta.url: the server bundle does not live beside prisma/.)
export const PROJECT_ROOT = process.env.BLASTMAP_ROOT ?? process.cwd();
export const PRISMA_DIR = path.join(/*turbopackIgnore: true*/ PROJECT_ROOT, "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_FILE = path.join(PRISMA_DIR, "schema.prisma");

/** The migrations directory in the shape the schema engine takes (Prisma Migrate's layout). */
export function readMigrationList(dir = MIGRATIONS_DIR) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const migrationDirectories = readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = existsSync(file) ? ({ tag: "ok", value: readFileSync(file, "utf8") } as const) : ({ tag: "error", value: `${file} is missing` } as const);
      return { path: name, migrationFile: { path: "migration.sql", content } };
    });
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

export function readSchema(file = SCHEMA_FILE): string {
  return readFileSync(/*turbopackIgnore: true*/ file, "utf8");
}
