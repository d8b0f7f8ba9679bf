import { describe, expect, it } from "vitest";
import { parseSources } from "./parse-sources";

const workflow = (install: string) => `name: ci
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ${install}
`;
const lockfile = JSON.stringify({
  name: "web",
  lockfileVersion: 3,
  packages: { "": { name: "web" }, "node_modules/esbuild": { version: "0.28.1", hasInstallScript: true } },
});

describe("parseSources", () => {
  it("treats a directory with .github/workflows/ as a repository and links its lockfile to its install jobs", () => {
    const parsed = parseSources(
      [
        { path: "web/.github/workflows/ci.yml", content: workflow("npm ci") },
        { path: "web/package-lock.json", content: lockfile },
      ],
      { repoNames: { "web/": "acme/web" } },
    );
    expect(parsed.errors).toEqual([]);
    const document = parsed.documents.find((doc) => doc.format === "npm-lockfile")!;
    expect(document.key).toBe("lockfile:acme/web:package-lock.json");
    expect(document.edges.find((edge) => edge.kind === "INSTALLED_IN")).toMatchObject({
      from: "pkg:npm/esbuild@0.28.1",
      to: "context:acme/web/ci.yml/build",
      attributes: { phase: "install" },
    });
  });

  it("keeps install scripts out of the install phase when a checked-in .npmrc switches them off", () => {
    const parsed = parseSources([
      { path: "web/.github/workflows/ci.yml", content: workflow("npm ci") },
      { path: "web/.npmrc", content: "ignore-scripts=true\n" },
      { path: "web/package-lock.json", content: lockfile },
    ]);
    const edge = parsed.documents.flatMap((doc) => doc.edges).find((e) => e.kind === "INSTALLED_IN");
    expect(edge).toMatchObject({ to: "context:web/ci.yml/build", attributes: { phase: "runtime" } });
  });

  it("reads one workflow text in many repositories into documents that share nothing", () => {
    const text = workflow("npm ci");
    const parsed = parseSources(["web", "api", "docs"].map((repo) => ({ path: `${repo}/.github/workflows/ci.yml`, content: text })));
    expect(parsed.errors).toEqual([]);
    const contexts = parsed.documents.map((doc) => doc.nodes.find((node) => node.kind === "context")!);
    expect(contexts.map((node) => node.key)).toEqual(["context:web/ci.yml/build", "context:api/ci.yml/build", "context:docs/ci.yml/build"]);
    // each document is built afresh: no object of one is reachable from another
    const owners = new Map<object, number>();
    parsed.documents.forEach((document, index) => {
      const stack: unknown[] = [document];
      while (stack.length > 0) {
        const value = stack.pop();
        if (typeof value !== "object" || value === null || owners.get(value) === index) continue;
        expect(owners.get(value)).toBeUndefined();
        owners.set(value, index);
        stack.push(...Object.values(value));
      }
    });
  });

  it("reads a workflow text the same whichever file of the import first carries it", () => {
    const text = workflow("npm ci");
    const alone = parseSources([{ path: "api/.github/workflows/ci.yml", content: text }]);
    const afterOthers = parseSources([
      { path: "web/.github/workflows/ci.yml", content: text },
      { path: "web/.github/workflows/broken.yml", content: `${text}jobs: {}\n` },
      { path: "api/.github/workflows/ci.yml", content: text },
    ]);
    expect(afterOthers.errors).toEqual([{ file: "web/.github/workflows/broken.yml", line: 9, message: expect.stringContaining("duplicate key") }]);
    expect(afterOthers.documents.find((doc) => doc.key === "workflow:api:.github/workflows/ci.yml")).toEqual(alone.documents[0]);
  });

  it("leaves a lockfile of a repository without workflows in this input to be linked to stored jobs", () => {
    const parsed = parseSources([{ path: "package-lock.json", content: lockfile }], { repo: "acme/web" });
    expect(parsed.pendingLockfiles).toMatchObject([{ documentKey: "lockfile:acme/web:package-lock.json", repo: "acme/web" }]);
  });

  it("refuses a file holding a live-looking credential before parsing it, showing only a prefix", () => {
    const token = "npm_" + "Q1w2E3r4T5y6".repeat(3);
    const parsed = parseSources([{ path: "inventory.json", content: `{\n  "blastmapInventory": 1,\n  "organisation": "${token}"\n}` }]);
    expect(parsed.errors).toEqual([{ file: "inventory.json", line: 3, message: expect.stringContaining("(npm_Q1…)") }]);
    expect(JSON.stringify(parsed)).not.toContain(token);
    expect(parsed.documents).toEqual([]);
  });

  it("names unknown formats, malformed JSON with its line, and paths that escape the upload", () => {
    const parsed = parseSources([
      { path: "notes.txt", content: "hello" },
      { path: "config.json", content: '{ "compilerOptions": {} }' },
      { path: "broken.json", content: '{\n  "lockfileVersion": 3,\n  "packages": {\n}' },
      { path: "../escape.json", content: "{}" },
    ]);
    expect(parsed.errors).toEqual([
      { file: "../escape.json", message: "a path with ../ escapes the upload" },
      { file: "notes.txt", message: expect.stringContaining("unknown format") },
      { file: "config.json", message: expect.stringContaining("unknown format") },
      { file: "broken.json", line: 4, message: expect.stringContaining("malformed JSON") },
    ]);
  });

  it("refuses a file over the size limit", () => {
    const parsed = parseSources([{ path: "big.json", content: `{"x":"${"a".repeat(200)}"}` }], {
      limits: { maxFileBytes: 100, maxTotalBytes: 10_000, maxZipEntries: 10, maxZipRatio: 100, maxJsonDepth: 64 },
    });
    expect(parsed.errors).toEqual([{ file: "big.json", message: expect.stringContaining("over the 100 bytes limit") }]);
  });

  it("refuses JSON nested deeper than the limit without recursing into it", () => {
    const parsed = parseSources([{ path: "deep.json", content: "[".repeat(100_000) + "]".repeat(100_000) }]);
    expect(parsed.errors).toEqual([{ file: "deep.json", line: 1, message: "JSON is nested deeper than 64 levels; refused" }]);
  });

  it("reports a YAML alias bomb as an error of that file", () => {
    const bomb = [
      "on: push",
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
      "jobs: {}",
    ].join("\n");
    const parsed = parseSources([{ path: "repo/.github/workflows/bomb.yml", content: bomb }]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0].file).toBe("repo/.github/workflows/bomb.yml");
  });
});
