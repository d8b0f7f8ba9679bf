import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // lib/data modules import "server-only"; tests are the server.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["node_modules", ".next", "e2e"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite and the WASM schema engine are memory- and CPU-heavy; 2 cores on CI.
    pool: "forks",
    maxWorkers: 2,
  },
});
