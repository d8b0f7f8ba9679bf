// Records the npm registry's answers for a small scope into test/fixtures/connectors/npm/, where
// test/connectors/replay-server.ts replays them to the connector with no network.
//
//   npx tsx scripts/record-npm-fixtures.ts [--registry https://registry.npmjs.org] [--scope @sigstore]
//       [--packages core,sign,cli] [--versions 3] [--page-size 2]
//
// What it does, so the fixtures can be remade and checked (the README beside them lists the result):
//  - packuments (GET /<@scope%2fname>) as the registry answers them, trimmed to the newest
//    --versions versions (their manifests, publish times and dist-tags; nothing else removed but
//    the readme);
//  - attestations (GET /-/npm/v1/attestations/<name>@<version>) for versions that name them, each
//    Sigstore bundle cut down to its mediaType (Blastmap reads the predicate types only);
//  - search pages (GET /-/v1/search?text=scope:<scope>) of --page-size packages each, so the
//    fixtures paginate; when the registry has no search endpoint, pages in its documented shape
//    listing --packages;
//  - what the registry reached did not answer (maintainers, _npmUser, dist.attestations,
//    attestation bundles) is filled from documented/overlay.json in the registry's documented
//    shape, and recorded.json says which field of which file came from where;
//  - org members and teams need an owner's token: documented/org-*.json and team-*.json are
//    written by hand in the documented shape and copied as they are.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { escapedPackageName } from "@/lib/connectors/npm/npm-connector";
import { recentVersions } from "@/lib/ingest/connectors/npm/map-npm-scope";
import { ZNpmPackument } from "@/lib/schemas/connectors/npm";

const FIXTURES = path.resolve(import.meta.dirname, "../test/fixtures/connectors/npm");

interface Overlay {
  packages: Record<string, { maintainers?: unknown[]; versions?: Record<string, { _npmUser?: unknown; attestations?: boolean }> }>;
  attestations: unknown[];
}
type Json = Record<string, unknown>;
interface Route {
  status: number;
  bodyFile: string;
}

const { values } = parseArgs({
  options: {
    registry: { type: "string", default: "https://registry.npmjs.org" },
    scope: { type: "string", default: "@sigstore" },
    packages: { type: "string", default: "cli,core,sign" },
    versions: { type: "string", default: "3" },
    "page-size": { type: "string", default: "2" },
  },
});
const registry = values.registry.replace(/\/+$/, "");
const scope = values.scope;
const names = values.packages.split(",").map((name) => `${scope}/${name.trim()}`);
const keep = Number(values.versions);
const pageSize = Number(values["page-size"]);
const overlay = JSON.parse(readFileSync(path.join(FIXTURES, "documented/overlay.json"), "utf8")) as Overlay;

const routes: Record<string, Route> = {};
const provenance: Record<string, string[]> = {};
const note = (file: string, line: string) => (provenance[file] ??= []).push(line);

async function getJson(url: string): Promise<{ status: number; body: Json | null }> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) return { status: response.status, body: null };
  return { status: response.status, body: (await response.json()) as Json };
}

function write(file: string, body: unknown, route: string) {
  writeFileSync(path.join(FIXTURES, file), `${JSON.stringify(body, null, 2)}\n`);
  routes[route] = { status: 200, bodyFile: file };
}

const fileStem = (name: string) => name.replace(/^@/, "").replace("/", "__");

async function recordPackument(name: string): Promise<void> {
  const file = `packument-${fileStem(name)}.json`;
  const { status, body } = await getJson(`${registry}/${escapedPackageName(name)}`);
  if (!body) throw new Error(`GET /${escapedPackageName(name)}: ${status}`);
  const parsed = ZNpmPackument.parse(body);
  const kept = recentVersions(parsed, keep);
  const versions = body.versions as Record<string, Json>;
  const time = (body.time ?? {}) as Record<string, string>;
  const trimmed: Json = {
    ...body,
    "dist-tags": Object.fromEntries(Object.entries(parsed["dist-tags"]).filter(([, version]) => kept.includes(version))),
    time: Object.fromEntries(Object.entries(time).filter(([key]) => kept.includes(key) || key === "created" || key === "modified")),
    versions: Object.fromEntries(kept.map((version) => [version, versions[version]])),
  };
  delete trimmed.readme;
  note(file, `recorded: GET ${registry}/${escapedPackageName(name)} (${status}), trimmed to versions ${kept.join(", ")}`);

  const extra = overlay.packages[name] ?? {};
  if (!trimmed.maintainers && extra.maintainers) {
    trimmed.maintainers = extra.maintainers;
    note(file, "maintainers: documented/overlay.json (the registry reached did not send them)");
  }
  for (const version of kept) {
    const manifest = (trimmed.versions as Record<string, Json>)[version]!;
    const add = extra.versions?.[version];
    if (!manifest._npmUser && add?._npmUser) {
      manifest._npmUser = add._npmUser;
      note(file, `versions.${version}._npmUser: documented/overlay.json`);
    }
    const dist = manifest.dist as Json;
    if (!dist.attestations && add?.attestations) {
      dist.attestations = {
        url: `https://registry.npmjs.org/-/npm/v1/attestations/${name}@${version}`,
        provenance: { predicateType: "https://slsa.dev/provenance/v1" },
      };
      note(file, `versions.${version}.dist.attestations: documented/overlay.json`);
    }
    if (dist.attestations) await recordAttestations(name, version);
  }
  write(file, trimmed, `GET /${escapedPackageName(name)}`);
}

async function recordAttestations(name: string, version: string): Promise<void> {
  const file = `attestations-${fileStem(name)}@${version}.json`;
  const route = `/-/npm/v1/attestations/${escapedPackageName(name)}@${encodeURIComponent(version)}`;
  const { status, body } = await getJson(`${registry}${route}`);
  const answer = body ?? { attestations: overlay.attestations };
  const bundles = (answer.attestations as Json[]).map((entry) => ({
    predicateType: entry.predicateType,
    bundle: { mediaType: (entry.bundle as Json | undefined)?.mediaType ?? null },
  }));
  note(
    file,
    body
      ? `recorded: GET ${registry}${route} (${status}), bundles cut to their mediaType`
      : `documented/overlay.json "attestations" (GET ${registry}${route} answered ${status})`,
  );
  write(file, { attestations: bundles }, `GET ${route}`);
}

async function recordSearch(): Promise<void> {
  const text = encodeURIComponent(`scope:${scope.slice(1)}`);
  const probe = await getJson(`${registry}/-/v1/search?text=${text}&size=${pageSize}&from=0`);
  for (let from = 0; from < names.length; from += pageSize) {
    const route = `/-/v1/search?text=${text}&size=${pageSize}&from=${from}`;
    const file = `search-${from}.json`;
    if (probe.body) {
      const { status, body } = await getJson(`${registry}${route}`);
      note(file, `recorded: GET ${registry}${route} (${status})`);
      write(file, body, `GET ${route}`);
      continue;
    }
    // the documented shape (REGISTRY-API.md, "GET /-/v1/search"), listing --packages
    const page = names.slice(from, from + pageSize).map((name) => ({ package: { name, scope: scope.slice(1) }, score: { final: 1 }, searchScore: 1 }));
    note(file, `documented shape (GET ${registry}/-/v1/search answered ${probe.status}): --packages ${from}..${from + page.length - 1}`);
    write(file, { objects: page, total: names.length, time: new Date(0).toUTCString() }, `GET ${route}`);
  }
}

function copyDocumented(): void {
  // documented/<file> → the route its name encodes: org-user.json → GET /-/org/<org>/user,
  // team-<team>-user.json → GET /-/team/<org>/<team>/user, token-user.json → GET /-/npm/v1/user.
  const org = scope.slice(1);
  for (const file of readdirSync(path.join(FIXTURES, "documented"))) {
    if (file === "overlay.json") continue;
    JSON.parse(readFileSync(path.join(FIXTURES, "documented", file), "utf8")); // refuse a file that is not JSON
    const org_ = /^org-(user|team|package)\.json$/.exec(file);
    const team = /^team-(.+)-(user|package)\.json$/.exec(file);
    const route = org_
      ? `GET /-/org/${org}/${org_[1]}`
      : team
        ? `GET /-/team/${org}/${team[1]}/${team[2]}`
        : file === "token-user.json"
          ? "GET /-/npm/v1/user"
          : null;
    if (!route) throw new Error(`documented/${file}: no route for this name`);
    routes[route] = { status: 200, bodyFile: `documented/${file}` };
    note(`documented/${file}`, "written by hand in the registry's documented shape (needs an org owner's token to record)");
  }
}

mkdirSync(FIXTURES, { recursive: true });
await recordSearch();
for (const name of names) await recordPackument(name);
copyDocumented();
const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(path.join(FIXTURES, "routes.json"), `${JSON.stringify(sorted(routes), null, 2)}\n`);
writeFileSync(
  path.join(FIXTURES, "recorded.json"),
  `${JSON.stringify({ registry, scope, recordedAt: new Date().toISOString().slice(0, 10), files: sorted(provenance) }, null, 2)}\n`,
);
console.log(`${Object.keys(routes).length} routes written to ${path.relative(process.cwd(), FIXTURES)}`);
