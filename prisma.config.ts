import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file. Migrations are applied by `blastmap migrate`
// through the WASM schema engine (lib/database/migrate.ts), so no native engine is ever downloaded.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
