import { describe, expect, it } from "vitest";
import { realFixturesAbsent } from "@/test/fixture-tree";
import { isWorkflow, parseWorkflow } from "./parse-workflow";
import { readRealWorkflow } from "./workflow-test-kit";

// Garbage in must give a result, never an exception: uploads are untrusted. A seeded generator
// keeps failures reproducible.

const FIXTURES = ["vercel__next.js/build_and_deploy.yml", "nrwl__nx/publish.yml", "pnpm__pnpm/update-latest.yml", "prisma__prisma/pr-code-security.yml"];
const repository = { repo: "acme/web", npmrcIgnoresScripts: false };

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function mutations(text: string, random: () => number): string[] {
  const at = () => Math.floor(random() * text.length);
  const flipped = [...text];
  for (let i = 0; i < 20; i++) flipped[at()] = String.fromCharCode(Math.floor(random() * 128));
  const start = at();
  return [
    text.slice(0, at()),
    flipped.join(""),
    text.slice(0, start) +
      text
        .slice(start, start + 200)
        .split("")
        .reverse()
        .join("") +
      text.slice(start + 200),
    text.replace(/ {2}/g, () => (random() < 0.1 ? " " : "  ")),
    text.replace(/:/g, () => (random() < 0.05 ? "" : ":")),
    text.replace(/\n/g, () => (random() < 0.05 ? "\n\t" : "\n")),
  ];
}

const expectResult = (content: string) => {
  const result = parseWorkflow({ path: "fuzz.yml", content }, repository);
  expect(typeof result.ok).toBe("boolean");
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
  }
  expect(typeof isWorkflow(content)).toBe("boolean");
};

describe.skipIf(realFixturesAbsent())("parseWorkflow on garbage", () => {
  it.each(FIXTURES)("mutations of %s give ok or errors, never an exception", (fixture) => {
    const text = readRealWorkflow(fixture);
    const random = seededRandom(fixture.length * 7919);
    for (let round = 0; round < 5; round++) {
      for (const mutated of mutations(text, random)) expectResult(mutated);
    }
  });

  it("deep nesting, huge scalars and odd shapes give a result", () => {
    const inputs = [
      "",
      "\u0000\u0001\u0002",
      "[".repeat(5000),
      `on: push\njobs:\n  a:\n    steps: ${"[".repeat(2000)}${"]".repeat(2000)}\n`,
      `on: push\njobs:\n  a:\n${Array.from({ length: 400 }, (_, depth) => `${"  ".repeat(depth + 2)}k${depth}:`).join("\n")}\n`,
      `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${"x".repeat(200_000)}\n`,
      "on: push\njobs:\n  a:\n    runs-on: {group: 7, labels: {x: 1}}\n    strategy: {matrix: 5}\n    permissions: [1]\n    env: 3\n    steps:\n      - uses: 5\n        with: []\n        env: null\n        run: 4\n",
      "on: push\njobs:\n  a:\n    runs-on: ${{ matrix.x }}\n    strategy:\n      matrix:\n        x: [[1, [2]], {a: b}, null]\n        include: 3\n    steps: []\n",
      "on: push\njobs:\n  a:\n    uses: 'not a ref'\n    secrets: {X: [1]}\n",
      "on: !!binary aGVsbG8=\njobs: !!set {a}\n",
      "%YAML 1.1\n---\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n",
      "on: push\njobs:\n  a: &x\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n  b: *x\n",
    ];
    for (const input of inputs) expectResult(input);
  });

  // Inputs shaped to make a careless parser quadratic (each would take minutes if it were).
  it("many unclosed expressions, many installs and many jobs on one runner finish with bounded output", () => {
    const unclosed = parseWorkflow(
      {
        path: "x.yml",
        content: `on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: "${"git fetch ${{ secrets.X ".repeat(50_000)}"\n`,
      },
      repository,
    );
    expect(unclosed.ok).toBe(true);

    const installs = Array.from({ length: 20_000 }, (_, i) => `          npm ci; npm i pkg${i}`).join("\n");
    const manyInstalls = parseWorkflow(
      { path: "x.yml", content: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${installs}\n` },
      repository,
    );
    if (!manyInstalls.ok) throw new Error("expected ok");
    const context = manyInstalls.documents[0].nodes.find((node) => node.kind === "context");
    expect(context?.kind === "context" && context.attrs.installSteps?.length).toBe(200);

    const jobs = Array.from(
      { length: 1000 },
      (_, i) => `  j${i}:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: make\n        env:\n          T: \${{ secrets.T${i} }}`,
    ).join("\n");
    const manyJobs = parseWorkflow({ path: "x.yml", content: `on: push\njobs:\n${jobs}\n` }, repository);
    if (!manyJobs.ok) throw new Error("expected ok");
    const exposes = manyJobs.documents[0].edges.filter((edge) => edge.kind === "EXPOSES");
    // each job: its own token and its secret; the runner: all 2000; no job-to-job edges past 50 jobs
    expect(exposes.filter((edge) => edge.from === "runner:acme/linux,self-hosted")).toHaveLength(2000);
    expect(exposes).toHaveLength(4000);
  });
});
