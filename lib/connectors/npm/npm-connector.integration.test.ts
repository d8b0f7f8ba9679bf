import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { importSources } from "@/lib/services/import/import-sources";
import { computeRadius } from "@/lib/services/radius/compute-radius";
import { ZRadiusInput } from "@/lib/schemas/radius";
import { readRoutes, startReplayServer, type ReplayRoutes, type ReplayServer } from "@/test/connectors/replay-server";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { ConnectorError } from "../connector-error";
import { MEMBERS_PERMISSION, npmConnector, type NpmConnectorOptions } from "./npm-connector";

// `connect npm` end to end without the internet: the recorded @sigstore answers replayed on
// loopback (test/fixtures/connectors/npm/README.md), collected, and imported through the one import
// path (importSources) into PGlite and PostgreSQL.

const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/connectors/npm");
const RECORDED = readRoutes(FIXTURES);
const TOKEN = ["replay", "token"].join("-");
const PAGE = 2; // the recorded search pages hold two packages each

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect(routes: ReplayRoutes, options: Partial<NpmConnectorOptions> = {}) {
  server = await startReplayServer(FIXTURES, routes);
  const progress: string[] = [];
  const run = await npmConnector({ scope: "@sigstore", registryUrl: server.url, token: TOKEN, pageSize: PAGE, recentVersionCount: 3, ...options }).collect(
    (line) => progress.push(line),
  );
  return { run, progress, server };
}

const fixture = (file: string) => JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as Record<string, unknown>;

async function maintains(db: Db): Promise<string[]> {
  const edges = await db.edge.findMany({ where: { kind: "MAINTAINS" }, include: { from: true, to: true } });
  return edges.map((edge) => `${edge.from.key} -> ${edge.to.key}`).sort();
}

const graphVersion = async (db: Db) => (await db.graphState.findFirst())?.version ?? 0;

describe.each(testDatabaseKinds())("connect npm against the replayed registry (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("collects the scope page by page and imports publishers, their rights and recent versions", async () => {
    const { run, server: replay } = await collect(RECORDED);
    expect(replay.unmatched).toEqual([]);
    expect(replay.requests.filter((request) => request.includes("/-/v1/search"))).toHaveLength(2);
    expect(new Set(replay.authorizations)).toEqual(new Set([`Bearer ${TOKEN}`]));
    expect(run.counts).toEqual({ packages: 3, versions: 9, maintainers: 3, withProvenance: 4, withInstallScripts: 0, members: 4, teams: 2 });

    const { db } = database.current;
    const result = await importSources(db, run.sources, { actor: "test" });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(await maintains(db)).toEqual([
      // the owner manages every package of the org; the release bot publishes through the developers team
      "publisher:npm/example-maintainer-a -> pkg:npm/%40sigstore/cli",
      "publisher:npm/example-maintainer-a -> pkg:npm/%40sigstore/core",
      "publisher:npm/example-maintainer-a -> pkg:npm/%40sigstore/sign",
      "publisher:npm/example-maintainer-b -> pkg:npm/%40sigstore/cli",
      "publisher:npm/example-maintainer-b -> pkg:npm/%40sigstore/sign",
      "publisher:npm/example-release-bot -> pkg:npm/%40sigstore/cli",
      "publisher:npm/example-release-bot -> pkg:npm/%40sigstore/core",
      "publisher:npm/example-release-bot -> pkg:npm/%40sigstore/sign",
    ]);
    // a member of a read-only team is recorded, with no right to publish
    expect(await db.publisher.findMany({ select: { handle: true, twoFactorEnforced: true }, orderBy: { handle: "asc" } })).toEqual([
      { handle: "example-maintainer-a", twoFactorEnforced: true },
      { handle: "example-maintainer-b", twoFactorEnforced: null },
      { handle: "example-newcomer", twoFactorEnforced: null },
      { handle: "example-release-bot", twoFactorEnforced: null },
    ]);
    const versions = await db.packageVersion.findMany({
      select: { purl: true, hasProvenance: true, trustedPublishing: true, hasInstallScript: true, publishedBy: true, publishedAt: true },
    });
    expect(versions).toHaveLength(9);
    expect(versions.find((version) => version.purl === "pkg:npm/%40sigstore/core@4.0.1")).toMatchObject({
      hasProvenance: true,
      trustedPublishing: true,
      hasInstallScript: false,
      publishedBy: "GitHub Actions",
      publishedAt: new Date(String((fixture("packument-sigstore__core.json").time as Record<string, string>)["4.0.1"])),
    });
    // provenance from a token publish: attested, but not through trusted publishing
    expect(versions.find((version) => version.purl === "pkg:npm/%40sigstore/core@4.0.0")).toMatchObject({ hasProvenance: true, trustedPublishing: false });
    expect(versions.find((version) => version.purl === "pkg:npm/%40sigstore/core@0.1.0")).toMatchObject({ hasProvenance: false, trustedPublishing: false });
    const packages = await db.package.findMany({ select: { purl: true, trustedPublishing: true }, orderBy: { purl: "asc" } });
    expect(packages.map((pkg) => [pkg.purl, pkg.trustedPublishing])).toEqual([
      ["pkg:npm/%40sigstore/cli", false],
      ["pkg:npm/%40sigstore/core", true],
      ["pkg:npm/%40sigstore/sign", true],
    ]);
  });

  it("a second run over the same answers writes nothing", async () => {
    const { db } = database.current;
    const before = await graphVersion(db);
    const { run } = await collect(RECORDED);
    const result = await importSources(db, run.sources, { actor: "test" });
    expect(result.ok).toBe(true);
    expect(result.unchanged).toBe(true);
    expect(await graphVersion(db)).toBe(before);
  });

  it("a run after a new maintainer and a version with a postinstall script records exactly that", async () => {
    const cli = fixture("packument-sigstore__cli.json");
    const versions = cli.versions as Record<string, Record<string, unknown>>;
    const latest = versions["0.10.3"]!;
    versions["0.11.0"] = { ...latest, version: "0.11.0", scripts: { postinstall: "node ./setup.js" }, _npmUser: { name: "example-newcomer" } };
    cli.time = { ...(cli.time as object), "0.11.0": "2026-11-29T10:00:00.000Z" };
    cli.maintainers = [...(cli.maintainers as object[]), { name: "example-newcomer", email: "n@example.invalid" }];
    const { run } = await collect({ ...RECORDED, "GET /@sigstore%2fcli": { status: 200, body: cli } });
    expect(run.counts.withInstallScripts).toBe(1);

    const { db } = database.current;
    const result = await importSources(db, run.sources, { actor: "test" });
    expect(result.ok).toBe(true);
    // the newest three of cli are now 0.11.0, 0.10.3 and 0.8.0: 0.8.1 drops out of the record
    expect(result.byFormat.inventory).toMatchObject({ nodes: { created: 1, removed: 1 }, edges: { created: 2, removed: 1 } });
    expect(await maintains(db)).toContain("publisher:npm/example-newcomer -> pkg:npm/%40sigstore/cli");
    const added = await db.packageVersion.findUnique({ where: { purl: "pkg:npm/%40sigstore/cli@0.11.0" } });
    expect(added).toMatchObject({ hasInstallScript: true, publishedBy: "example-newcomer" });
  });

  it("the blast radius of a hijacked maintainer reaches the packages it may publish", async () => {
    const answer = await computeRadius(database.current, ZRadiusInput.parse({ refs: ["publisher:npm/example-maintainer-b"] }));
    expect(answer.ok).toBe(true);
    const reached = answer.ok ? answer.result.nodes.map((node) => node.key) : [];
    expect(reached).toEqual(expect.arrayContaining(["pkg:npm/%40sigstore/cli", "pkg:npm/%40sigstore/sign"]));
    expect(reached).not.toContain("pkg:npm/%40sigstore/core");
    const cli = answer.ok ? answer.result.nodes.find((node) => node.key === "pkg:npm/%40sigstore/cli") : undefined;
    expect(cli?.path.map((step) => step.kind)).toEqual(["MAINTAINS"]);
  });

  it("keeps what a person's own inventory says of a maintainer the registry only names", async () => {
    const { db } = database.current;
    const own = {
      blastmapInventory: 1,
      publishers: [{ handle: "example-maintainer-b", twoFactorEnforced: false, isHuman: false, lastAccountRecoveryAt: "2026-09-01" }],
    };
    expect((await importSources(db, [{ path: "inventory.json", content: JSON.stringify(own) }], { actor: "test" })).ok).toBe(true);
    // the recorded answers again: the previous run's postinstall version goes, so the document is applied
    const { run } = await collect(RECORDED);
    const result = await importSources(db, run.sources, { actor: "test" });
    expect(result.ok && !result.unchanged).toBe(true);
    expect(await db.publisher.findFirst({ where: { handle: "example-maintainer-b" } })).toMatchObject({
      twoFactorEnforced: false,
      isHuman: false,
      lastAccountRecoveryAt: new Date("2026-09-01"),
    });
    // what the registry does know of an account (the token owner's 2FA) is written
    expect(await db.publisher.findFirst({ where: { handle: "example-maintainer-a" } })).toMatchObject({ twoFactorEnforced: true });
  });

  it("waits out a 429 as long as Retry-After says, then carries on", async () => {
    const first = "GET /-/v1/search?text=scope%3Asigstore&size=2&from=0";
    const routes = { ...RECORDED, [first]: [{ status: 429, headers: { "retry-after": "1" } }, RECORDED[first] as { status: number; bodyFile: string }] };
    const { run, progress, server: replay } = await collect(routes);
    expect(progress).toContain(`registry answered 429 to ${first}: waiting 1 s (Retry-After)`);
    expect(replay.requests.filter((request) => request === first)).toHaveLength(2);
    expect(run.counts.packages).toBe(3);
  });

  it("stops with the time to come back when the rate limit is exhausted, and writes nothing", async () => {
    const { db } = database.current;
    const before = await graphVersion(db);
    const packument = "GET /@sigstore%2fsign";
    const failure = collect({ ...RECORDED, [packument]: { status: 429, headers: { "retry-after": "3600" } } });
    await expect(failure).rejects.toThrow(ConnectorError);
    await expect(failure).rejects.toThrow("the npm registry's rate limit is exhausted (GET /@sigstore%2fsign): it asks to wait 3600 s");
    expect(await graphVersion(db)).toBe(before);
  });

  it("names the permission when the token may not read the org's members, and writes nothing", async () => {
    const { db } = database.current;
    const before = await graphVersion(db);
    const failure = collect({ ...RECORDED, "GET /-/org/sigstore/user": { status: 403, body: { error: "Forbidden" } } });
    await expect(failure).rejects.toMatchObject({
      message: `the npm registry refused GET /-/org/sigstore/user (403): it needs ${MEMBERS_PERMISSION}`,
      hint: `the token given has not got it: use ${MEMBERS_PERMISSION}`,
    });
    expect(await graphVersion(db)).toBe(before);
  });

  it("without a token asks for one naming the variable and the permission, unless only public packages are wanted", async () => {
    await expect(collect(RECORDED, { token: undefined, tokenEnv: "ACME_NPM", env: {} })).rejects.toThrow(
      `no npm token: $ACME_NPM is not set, and reading @sigstore's members and teams needs ${MEMBERS_PERMISSION}`,
    );
    const { run, server: replay } = await collect(RECORDED, { token: undefined, env: {}, publicOnly: true });
    expect(replay.requests.some((request) => request.startsWith("GET /-/org/"))).toBe(false);
    expect(replay.authorizations.every((header) => header === undefined)).toBe(true);
    expect(run.counts).toMatchObject({ packages: 3, members: 0, teams: 0 });
  });
});
