import { createPrismaClient } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { importSources } from "@/lib/data/import/import-sources";
import type { SourceFile } from "@/lib/ingest/types";

const kind = (process.argv[2] ?? "pglite") as "pglite" | "postgresql";
const files: SourceFile[] = [];
for (let n = 0; n < 2; n += 1) {
  const packages: Record<string, unknown> = { "": { name: `app-${n}`, version: "1.0.0", dependencies: { [`pkg-${n}-0`]: "^1.0.0" } } };
  for (let i = 0; i < 24_000; i += 1) {
    packages[`node_modules/pkg-${n}-${i}`] = {
      version: `1.${i % 50}.${i % 7}`,
      resolved: `https://registry.npmjs.org/pkg-${n}-${i}/-/pkg-${n}-${i}-1.${i % 50}.${i % 7}.tgz`,
      dependencies: { [`pkg-${n}-${(i + 1) % 24_000}`]: "^1.0.0" },
    };
  }
  files.push({ path: `app-${n}/package-lock.json`, content: JSON.stringify({ name: `app-${n}`, lockfileVersion: 3, requires: true, packages }, null, 2) });
}
const { createThrowawayPostgresDatabase } = await import("@/lib/database/throwaway-postgres");
const throwaway = kind === "postgresql" ? await createThrowawayPostgresDatabase(process.env.DATABASE_URL!, "blastmap_prof") : null;
const connection = await openDatabase(kind === "pglite" ? { kind: "pglite", dataDir: ":memory:" } : { kind: "postgresql", url: throwaway!.url });
await migrate(connection);
const db = createPrismaClient(connection);
let maxGap = 0; let last = performance.now();
const timer = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 20);
const t0 = performance.now();
const result = await importSources(db, files, { actor: "prof" });
console.log(kind, result.message, `${Math.round(performance.now() - t0)} ms; longest event-loop stall ${Math.round(maxGap)} ms`);
const t1 = performance.now(); last = performance.now(); maxGap = 0;
files[0].content = files[0].content.replace(/"version": "1\.1\.1"/g, '"version": "1.1.2"');
const again = await importSources(db, files, { actor: "prof" });
console.log(kind, "reimport changed:", again.message, `${Math.round(performance.now() - t1)} ms; stall ${Math.round(maxGap)} ms`);
clearInterval(timer);
await db.$disconnect(); await connection.close(); await throwaway?.drop();
