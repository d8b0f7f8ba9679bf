import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importSources } from "@/lib/services/import/import-sources";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";
import { blastRadius } from "@/lib/engine/blast-radius";
import type { EngineGraph } from "@/lib/engine/graph";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import type { SourceFile } from "@/lib/ingest/types";
import type { TExposure } from "@/lib/schemas/graph-facts";
import type { TRadiusResult, TTiming } from "@/lib/schemas/radius";
import { useTestDatabase } from "@/test/test-database";

// Public incidents replayed end to end: each folder holds the files a team would really have
// (workflows, package.json and real npm lockfiles, an inventory, OSV advisories), imported through
// the real importer, and the answers an incident responder should get, written by hand from the
// rules in docs/MODEL.md before the engine computed anything. See each folder's README.md.

const SCENARIOS = import.meta.dirname;
// Real public advisories are read from the shared fixtures, never copied in (STYLE.md, Tests).
const REAL_FIXTURES = path.resolve(SCENARIOS, "../../../shared/fixtures/real");

interface ExpectedNode {
  timing?: TTiming;
  exposure?: TExposure | null;
  generation?: number;
  assumed?: boolean;
}

interface ExpectedCase {
  name: string;
  refs: string[];
  advisories?: string[];
  /** radius options other than the defaults (every exposure, no hop limit) */
  exposures?: TExposure[];
  reached?: Record<string, ExpectedNode>;
  notReached?: string[];
  /** the exact set of pinned-and-not-reached uses (action and context) */
  pinnedNotReached?: { action: string; context: string }[];
  rotationPlanStartsWith?: string[];
  /** rows that must be `review` (ephemeral job tokens), after every `rotate` row */
  review?: string[];
  maxGeneration?: number;
}

interface ExpectedScenario {
  /** files under ../shared/fixtures/real imported alongside files/ (e.g. "osv/MAL-2025-46969.json") */
  realFixtures?: string[];
  cases: ExpectedCase[];
}

// The real public advisories beside the repository (../shared, present on the build machine and in
// CI, absent from a user's clone): cases that start from them are skipped, and say so, without it.
const HAVE_REAL_FIXTURES = existsSync(REAL_FIXTURES);
if (!HAVE_REAL_FIXTURES) console.warn(`incident scenarios: ${REAL_FIXTURES} is absent; cases starting from its advisories are skipped`);
const realAdvisoryIds = (expected: ExpectedScenario) => new Set((expected.realFixtures ?? []).map((fixture) => path.basename(fixture, ".json")));

const scenarioNames = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(SCENARIOS, entry.name, "expected.json")))
  .map((entry) => entry.name)
  .sort();

/** files/<repo>/ is repository acme/<repo>, as `blastmap import <dir> --repo acme/<repo>` would name it. */
async function scenarioSources(name: string, expected: ExpectedScenario): Promise<{ files: SourceFile[]; repoNames: Record<string, string> }> {
  const read = await readSourcesFromPaths(["."], { cwd: path.join(SCENARIOS, name, "files") });
  expect(read.errors, `${name}: reading files/`).toEqual([]);
  const repoNames = Object.fromEntries(Object.entries(read.repoNames).map(([root, repo]) => [root, `acme/${repo}`]));
  const real = (HAVE_REAL_FIXTURES ? (expected.realFixtures ?? []) : []).map((fixture) => ({
    path: `advisories/${path.basename(fixture)}`,
    content: readFileSync(path.join(REAL_FIXTURES, fixture), "utf8"),
  }));
  return { files: [...read.files, ...real], repoNames };
}

describe.each(scenarioNames)("incident scenario %s", (name) => {
  const expected = JSON.parse(readFileSync(path.join(SCENARIOS, name, "expected.json"), "utf8")) as ExpectedScenario;
  const database = useTestDatabase("pglite");
  let graph: EngineGraph;

  beforeAll(async () => {
    const { files, repoNames } = await scenarioSources(name, expected);
    const imported = await importSources(database.current.db, files, { actor: "test", repoNames });
    if (!imported.ok)
      throw new Error(
        `${name}: the import was refused:\n${imported.errors.map((e) => `  ${e.file}${e.line ? `:${e.line}` : ""}${e.path ? ` ${e.path}` : ""}: ${e.message}`).join("\n")}`,
      );
    graph = await getEngineGraph(database.current);
  }, 300_000);

  const needsReal = (expectedCase: ExpectedCase) => (expectedCase.advisories ?? []).some((id) => realAdvisoryIds(expected).has(id.replace(/^advisory:/, "")));
  it.each(expected.cases.filter((c) => HAVE_REAL_FIXTURES || !needsReal(c)).map((c) => [c.name, c] as const))("%s", (caseName, expectedCase) => {
    const where = `${name} / ${caseName}`;
    const answer = blastRadius(graph, {
      refs: expectedCase.refs,
      advisories: expectedCase.advisories ?? [],
      maxHops: null,
      exposures: expectedCase.exposures ?? [],
      whatIf: [],
      timings: [],
    });
    if (!answer.ok) throw new Error(`${where}: the refs were refused: ${answer.errors.map((e) => `${e.ref} (${e.reason}): ${e.message}`).join("; ")}`);
    checkCase(where, expectedCase, answer.result);
  });
});

function checkCase(where: string, expectedCase: ExpectedCase, result: TRadiusResult): void {
  const nodes = new Map(result.nodes.map((node) => [node.key, node]));

  for (const [key, want] of Object.entries(expectedCase.reached ?? {})) {
    const node = nodes.get(key);
    expect.soft(node, `${where}: ${key} should be reached`).toBeDefined();
    if (!node) continue;
    const via = ` (path: ${node.path.map((step) => `${step.kind}${step.exposure ? `[${step.exposure}]` : ""}`).join(" → ")})`;
    if (want.timing !== undefined) expect.soft(node.timing, `${where}: timing of ${key}${via}`).toBe(want.timing);
    if (want.exposure !== undefined) expect.soft(node.exposure, `${where}: exposure of ${key}${via}`).toBe(want.exposure);
    if (want.generation !== undefined) expect.soft(node.generation, `${where}: generation of ${key}${via}`).toBe(want.generation);
    if (want.assumed !== undefined) expect.soft(Boolean(node.assumed), `${where}: assumed of ${key}${via}`).toBe(want.assumed);
  }

  for (const key of expectedCase.notReached ?? []) {
    const node = nodes.get(key);
    const via = node ? ` (reached ${node.timing} at ${node.exposure} through ${node.path.map((step) => step.kind).join(" → ")})` : "";
    expect.soft(node, `${where}: ${key} should NOT be reached${via}`).toBeUndefined();
  }

  if (expectedCase.pinnedNotReached) {
    const pairs = (list: { action: string; context: string }[]) => list.map((use) => `${use.action} in ${use.context}`).sort();
    expect.soft([...new Set(pairs(result.pinnedNotReached))], `${where}: pinnedNotReached`).toEqual(pairs(expectedCase.pinnedNotReached));
  }

  const plan = result.rotationPlan;
  if (expectedCase.rotationPlanStartsWith) {
    const first = plan.slice(0, expectedCase.rotationPlanStartsWith.length).map((row) => row.key);
    const shown = plan.map((row) => `${row.rank}. ${row.key} (${row.action}, ${row.timing}, ${row.exposure})`).join("\n  ");
    expect.soft(first, `${where}: the rotation plan should start with these rows; it is:\n  ${shown}\n`).toEqual(expectedCase.rotationPlanStartsWith);
  }

  for (const key of expectedCase.review ?? []) {
    const index = plan.findIndex((row) => row.key === key);
    expect.soft(index, `${where}: ${key} should be a row of the rotation plan`).toBeGreaterThanOrEqual(0);
    if (index < 0) continue;
    expect.soft(plan[index].action, `${where}: ${key} is an ephemeral job token: review, not rotate`).toBe("review");
    const lastRotate = plan.map((row) => row.action).lastIndexOf("rotate");
    expect
      .soft(index, `${where}: the review row ${key} should come after every rotate row (last rotate: ${plan[lastRotate]?.key})`)
      .toBeGreaterThan(lastRotate);
  }

  if (expectedCase.maxGeneration !== undefined) {
    expect.soft(result.summary.maxGeneration, `${where}: the worm's last generation`).toBe(expectedCase.maxGeneration);
  }
}
