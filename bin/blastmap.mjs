#!/usr/bin/env node
// The `blastmap` CLI. The code is TypeScript run through tsx; it is started in a child process so
// the "react-server" condition is set, which lets lib/data modules keep `import "server-only"`.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../lib/cli/main.ts", import.meta.url));
const root = fileURLToPath(new URL("../", import.meta.url));
const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", main, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, BLASTMAP_ROOT: root, TSX_TSCONFIG_PATH: tsconfig, NODE_NO_WARNINGS: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
