import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  ZNpmAttestations,
  ZNpmOrgMembers,
  ZNpmOrgTeams,
  ZNpmPackagePermissions,
  ZNpmPackument,
  ZNpmSearchPage,
  ZNpmTeamMembers,
  ZNpmTokenUser,
} from "@/lib/schemas/connectors/npm";
import { readRoutes, type ReplayResponse } from "./replay-server";

// The recorded registry answers must be what the connector's schemas accept, so the fixtures
// cannot drift from the API the connector reads (test/fixtures/connectors/npm/README.md).

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/connectors/npm");
const routes = readRoutes(FIXTURES);

const SCHEMA_BY_ROUTE: [RegExp, z.ZodTypeAny][] = [
  [/^GET \/-\/v1\/search\?/, ZNpmSearchPage],
  [/^GET \/-\/npm\/v1\/attestations\//, ZNpmAttestations],
  [/^GET \/-\/npm\/v1\/user$/, ZNpmTokenUser],
  [/^GET \/-\/org\/[^/]+\/user$/, ZNpmOrgMembers],
  [/^GET \/-\/org\/[^/]+\/team$/, ZNpmOrgTeams],
  [/^GET \/-\/org\/[^/]+\/package$/, ZNpmPackagePermissions],
  [/^GET \/-\/team\/[^/]+\/[^/]+\/user$/, ZNpmTeamMembers],
  [/^GET \/-\/team\/[^/]+\/[^/]+\/package$/, ZNpmPackagePermissions],
  [/^GET \/@[^/]+%2f[^/]+$/, ZNpmPackument],
];

const schemaFor = (route: string) => SCHEMA_BY_ROUTE.find(([pattern]) => pattern.test(route))?.[1];
const body = (answer: ReplayResponse): unknown => JSON.parse(readFileSync(path.join(FIXTURES, answer.bodyFile!), "utf8"));
const recorded = Object.entries(routes).map(([route, answer]) => [route, Array.isArray(answer) ? answer[0]! : answer] as const);

describe("the recorded npm registry fixtures", () => {
  it.each(recorded)("%s is accepted by the connector's schema", (route, answer) => {
    const schema = schemaFor(route);
    expect(schema, `no schema for ${route}`).toBeDefined();
    const parsed = schema!.safeParse(body(answer));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("every fixture file is served by a route", () => {
    const served = new Set(recorded.map(([, answer]) => answer.bodyFile));
    const files = [
      ...readdirSync(FIXTURES).filter((file) => file.endsWith(".json") && file !== "routes.json" && file !== "recorded.json"),
      ...readdirSync(path.join(FIXTURES, "documented"))
        .filter((file) => file !== "overlay.json")
        .map((file) => `documented/${file}`),
    ];
    expect(files.filter((file) => !served.has(file))).toEqual([]);
  });

  it("covers a paged listing, maintainers, provenance and trusted publishing", () => {
    expect(recorded.filter(([route]) => route.includes("/-/v1/search")).length).toBeGreaterThan(1);
    const packuments = recorded.filter(([route]) => schemaFor(route) === ZNpmPackument).map(([, answer]) => ZNpmPackument.parse(body(answer)));
    expect(packuments.every((packument) => (packument.maintainers ?? []).length > 0)).toBe(true);
    const manifests = packuments.flatMap((packument) => Object.values(packument.versions));
    expect(manifests.some((manifest) => manifest.dist.attestations)).toBe(true);
    expect(manifests.some((manifest) => manifest._npmUser?.trustedPublisher)).toBe(true);
  });

  // Drift: the answers as the registry would send them if a field the mapping reads changed.
  it.each([
    ["a packument without versions", /^GET \/@/, (value: Record<string, unknown>) => delete value.versions],
    [
      "a version whose dist has no tarball",
      /^GET \/@/,
      (value: Record<string, unknown>) => {
        const versions = value.versions as Record<string, { dist: Record<string, unknown> }>;
        delete Object.values(versions)[0]!.dist.tarball;
      },
    ],
    ["maintainers as strings", /^GET \/@/, (value: Record<string, unknown>) => (value.maintainers = ["someone"])],
    [
      "a search page with results renamed",
      /^GET \/-\/v1\/search/,
      (value: Record<string, unknown>) => {
        value.results = value.objects;
        delete value.objects;
      },
    ],
    ["an org member with an unknown role", /^GET \/-\/org\/[^/]+\/user$/, (value: Record<string, unknown>) => (value.someone = "superuser")],
    ["a team named without its scope", /^GET \/-\/org\/[^/]+\/team$/, (value: unknown) => (value as string[]).push("developers")],
  ])("the schema refuses %s", (_name, routePattern, mutate) => {
    const [route, answer] = recorded.find(([candidate]) => routePattern.test(candidate))!;
    const value = body(answer) as Record<string, unknown>;
    mutate(value);
    expect(schemaFor(route)!.safeParse(value).success).toBe(false);
  });
});
