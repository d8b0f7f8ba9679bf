import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { generatePassword } from "@/lib/auth/generate-password";
import { parseTrustedProxies } from "@/lib/auth/client-address";
import { countUsers } from "@/lib/data/users/count-users";
import { createDemoAdmin, DEMO_ADMIN_EMAIL } from "@/lib/data/users/create-demo-admin";
import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { generateLocalCliKey, LOCAL_CLI_KEY_ENV } from "@/lib/auth/local-cli-key";
import { databaseConfigFromEnv } from "@/lib/database/config";
import { ConnectorError } from "@/lib/connectors/connector-error";
import { connectorScheduleFromEnv } from "@/lib/services/connectors/connector-schedule";
import { CliError } from "../cli-error";
import { writeHandoff } from "../local-server";
import { parseCommandArgs, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage = "blastmap start [--port N] [--no-seed] [--rebuild] [--connect github:ORG|npm:@SCOPE …] [--every 6h]";
import { PROJECT_ROOT as ROOT } from "@/lib/database/migrations";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
// Puts the socket's address into X-Forwarded-For, which Next.js does not do when a client sent one.
const APPEND_SOCKET_ADDRESS = path.join(ROOT, "lib", "http", "append-socket-address.cjs");

/**
 * The environment of the `next build` and `next start` this command runs: Next.js telemetry off
 * unless the user set NEXT_TELEMETRY_DISABLED themselves — a self-hosted security tool should not
 * report home by default (https://nextjs.org/telemetry).
 */
export function nextEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NEXT_TELEMETRY_DISABLED: env.NEXT_TELEMETRY_DISABLED ?? "1" };
}

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "tsconfig.json"];

export const startCommand: Command = {
  usage,
  async run(argv) {
    const { values } = parseCommandArgs(
      argv,
      {
        port: { type: "string" },
        "no-seed": { type: "boolean" },
        rebuild: { type: "boolean" },
        connect: { type: "string", multiple: true },
        every: { type: "string" },
      },
      usage,
    );
    const port = values.port ?? process.env.PORT ?? "3000";
    if (!/^\d{1,5}$/.test(port)) throw new CliError(`--port must be a number, got "${port}"`, 2);
    const { invalid } = parseTrustedProxies(process.env.BLASTMAP_TRUSTED_PROXIES);
    if (invalid.length > 0) throw new CliError(`BLASTMAP_TRUSTED_PROXIES: ${invalid.join(", ")} is not an IP address or CIDR range`, 2);
    const env = nextEnvironment(process.env);
    // The server keeps the connector schedule (instrumentation.ts): checked here, before anything starts.
    if (values.connect?.length) env.BLASTMAP_CONNECT = values.connect.join(",");
    if (values.every) env.BLASTMAP_CONNECT_EVERY = values.every;
    if (values.every && !env.BLASTMAP_CONNECT) throw new CliError("--every schedules connectors: name them with --connect github:ORG or npm:@SCOPE", 2);
    try {
      connectorScheduleFromEnv(env);
    } catch (error) {
      if (error instanceof ConnectorError) throw new CliError(error.message, 2);
      throw error;
    }

    // The CLI process owns the embedded database only while it prepares it; the server opens it next.
    await withDatabase(async ({ prisma, connection }) => {
      console.log(`blastmap: database ${connection.description} is migrated`);
      let seeded = false;
      if (!values["no-seed"] && (await prisma.node.count()) === 0) {
        const result = await seedDemoOrganisation(prisma);
        console.log(`blastmap: ${result.message}`);
        seeded = true;
      }
      // The demo's admin, on a freshly seeded database (or when a password is given for it) that has
      // no account yet. No default password anywhere: a fresh one per data directory, printed once.
      const fromEnv = process.env.BLASTMAP_DEMO_ADMIN_PASSWORD;
      if (seeded || fromEnv) {
        const password = fromEnv || generatePassword();
        if (await createDemoAdmin(prisma, password)) {
          console.log(
            `blastmap: Demo admin: ${DEMO_ADMIN_EMAIL}  password: ${fromEnv ? "(from BLASTMAP_DEMO_ADMIN_PASSWORD)" : `${password}  (shown once; stored only as a hash)`}`,
          );
        }
      }
      if ((await countUsers(prisma)) === 0) {
        console.log("blastmap: no accounts yet: open /setup in the browser, or run `npx blastmap user create --email … --role admin`");
      }
    });

    const distDir = path.join(ROOT, process.env.BLASTMAP_DIST_DIR ?? ".next");
    if (values.rebuild || buildIsStale(distDir)) {
      console.log("blastmap: building the dashboard (next build)…");
      const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit", env });
      if (build.status !== 0) throw new CliError("next build failed; see the output above");
    }
    console.log(`blastmap: serving on http://localhost:${port}`);
    // The embedded database is this server's alone while it runs: the CLI reaches it through the
    // server with a key made for this run (lib/auth/local-cli-key.ts).
    const config = databaseConfigFromEnv();
    const localKey = config.kind === "pglite" ? generateLocalCliKey() : null;
    const removeHandoff =
      config.kind === "pglite" && localKey ? writeHandoff(config.dataDir, { pid: process.pid, url: `http://127.0.0.1:${port}`, key: localKey }) : () => {};
    process.on("exit", removeHandoff);
    // PORT tells the server its own origin (sign-in cookies, trusted origins) unless BETTER_AUTH_URL says otherwise.
    const server = spawn(process.execPath, ["--require", APPEND_SOCKET_ADDRESS, NEXT_BIN, "start", "-p", port], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...env, PORT: port, ...(localKey ? { [LOCAL_CLI_KEY_ENV]: localKey } : {}) },
    });
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
    return new Promise((resolve) =>
      server.on("exit", (code) => {
        removeHandoff();
        resolve(code ?? 0);
      }),
    );
  },
};

function buildIsStale(distDir: string): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(ROOT, entry)) > builtAt);
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}
