// npm run bench -- connect-npm [--packages 1000] [--versions 5]
//
// `connect npm` on a large scope: a generated organisation of N packages (default 1,000, about
// @types' size order) with 30 versions each, 40 maintainers, 60 members in 6 teams, served by the
// loopback replay server the tests use (no network, so it measures Blastmap, not npm). Measured on
// PGlite in memory: collect (requests/s, the packuments at four at a time plus one attestations
// request per attested recent version), the first import, and a re-run that changes nothing.
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { migrate } from "@/lib/database/migrate";
import { openDatabase } from "@/lib/database/open-database";
import { escapedPackageName, npmConnector } from "@/lib/connectors/npm/npm-connector";
import { importSources } from "@/lib/services/import/import-sources";
import { startReplayServer, type ReplayRoutes } from "@/test/connectors/replay-server";
import { numberOption, prng, round } from "./bench-kit";

const SCOPE = "bench";
const PAGE = 250;

export function generateScope(packages: number): ReplayRoutes {
  const random = prng(16);
  const routes: ReplayRoutes = {};
  const maintainers = Array.from({ length: 40 }, (_, i) => `maintainer-${i}`);
  const names = Array.from({ length: packages }, (_, i) => `@${SCOPE}/package-${String(i).padStart(5, "0")}`);
  for (let from = 0; from < packages; from += PAGE) {
    routes[`GET /-/v1/search?text=scope%3A${SCOPE}&size=${PAGE}&from=${from}`] = {
      status: 200,
      body: { objects: names.slice(from, from + PAGE).map((name) => ({ package: { name } })), total: packages },
    };
  }
  names.forEach((name, p) => {
    const versions: Record<string, unknown> = {};
    const time: Record<string, string> = {};
    for (let v = 0; v < 30; v++) {
      const version = `1.${v}.0`;
      const attested = v >= 25 && p % 2 === 0;
      versions[version] = {
        name,
        version,
        scripts: v === 29 && p % 10 === 0 ? { postinstall: "node setup.js" } : { test: "vitest" },
        _npmUser: { name: maintainers[(p + v) % maintainers.length] },
        dist: {
          tarball: `https://registry.example/${name}/-/${version}.tgz`,
          ...(attested ? { attestations: { url: "x", provenance: { predicateType: "https://slsa.dev/provenance/v1" } } } : {}),
        },
      };
      time[version] = new Date(Date.UTC(2024, 0, 1) + (p + v * 1000) * 3_600_000).toISOString();
      if (attested) {
        routes[`GET /-/npm/v1/attestations/${escapedPackageName(name)}@${version}`] = {
          status: 200,
          body: { attestations: [{ predicateType: "https://slsa.dev/provenance/v1", bundle: {} }] },
        };
      }
    }
    const owners = [maintainers[Math.floor(random() * maintainers.length)]!, maintainers[p % maintainers.length]!];
    routes[`GET /${escapedPackageName(name)}`] = {
      status: 200,
      body: { name, "dist-tags": { latest: "1.29.0" }, maintainers: [...new Set(owners)].map((handle) => ({ name: handle })), time, versions },
    };
  });
  const members = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`member-${i}`, i < 3 ? "owner" : "developer"]));
  const teams = Array.from({ length: 6 }, (_, t) => `team-${t}`);
  routes[`GET /-/org/${SCOPE}/user`] = { status: 200, body: members };
  routes[`GET /-/org/${SCOPE}/team`] = { status: 200, body: teams.map((team) => `${SCOPE}:${team}`) };
  routes[`GET /-/org/${SCOPE}/package`] = { status: 200, body: Object.fromEntries(names.map((name) => [name, "write"])) };
  routes["GET /-/npm/v1/user"] = { status: 200, body: { name: "member-0", tfa: { mode: "auth-and-writes" } } };
  teams.forEach((team, t) => {
    routes[`GET /-/team/${SCOPE}/${team}/user`] = { status: 200, body: Array.from({ length: 10 }, (_, i) => `member-${t * 10 + i}`) };
    routes[`GET /-/team/${SCOPE}/${team}/package`] = {
      status: 200,
      body: Object.fromEntries(names.filter((_, p) => p % teams.length === t).map((name) => [name, t % 2 ? "read" : "write"])),
    };
  });
  return routes;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const packages = numberOption(args, "packages", 1000);
  const versions = numberOption(args, "versions", 5);
  const server = await startReplayServer(path.resolve(import.meta.dirname), generateScope(packages));
  const connection = await openDatabase({ kind: "pglite", dataDir: ":memory:" });
  await migrate(connection);
  const db = createPrismaClient(connection);
  try {
    const connector = npmConnector({ scope: `@${SCOPE}`, registryUrl: server.url, token: "bench", recentVersionCount: versions });
    const timed = async <T>(work: () => Promise<T>) => {
      const started = performance.now();
      const value = await work();
      return { value, seconds: (performance.now() - started) / 1000 };
    };
    const collect = await timed(() => connector.collect(() => {}));
    const requests = server.requests.length;
    console.log(
      `collect: ${requests} requests in ${collect.seconds.toFixed(2)} s = ${Math.round(requests / collect.seconds)} requests/s`,
      collect.value.counts,
    );
    const first = await timed(() => importSources(db, collect.value.sources, { actor: "bench" }));
    if (!first.value.ok) throw new Error(`bench import refused: ${first.value.errors[0]?.message}`);
    const written = first.value.byFormat.inventory!.nodes.created + first.value.byFormat.inventory!.edges.created;
    console.log(`first import: ${written} nodes and edges in ${first.seconds.toFixed(2)} s`);
    const rerun = await timed(async () => importSources(db, (await connector.collect(() => {})).sources, { actor: "bench" }));
    if (!rerun.value.unchanged) throw new Error("bench: the re-run changed something");
    console.log(`re-run (collect + import, nothing changed): ${rerun.seconds.toFixed(2)} s`);
    return {
      packages,
      versionsPerPackage: versions,
      requests,
      collect: { seconds: round(collect.seconds, 2), requestsPerSecond: Math.round(requests / collect.seconds) },
      firstImport: { seconds: round(first.seconds, 2), nodesAndEdges: written },
      unchangedRerunSeconds: round(rerun.seconds, 2),
    };
  } finally {
    await db.$disconnect();
    await connection.close();
    await server.close();
  }
}
