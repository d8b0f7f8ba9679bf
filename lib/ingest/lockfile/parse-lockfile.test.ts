import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TEdgeFact } from "@/lib/schemas/graph-facts";
import { parseSources } from "../parse-sources";
import { onlyBuiltDependenciesOf } from "./parse-lockfile";
import type { SourceFile } from "../types";

// pnpm and yarn lockfiles go through the same import path as package-lock.json: one document per
// lockfile, INSTALLED_IN edges to the jobs that install it, declared ranges from every workspace.

const ingest = path.join(__dirname, "..");

/** A fixture folder as a repository checkout: its files plus a CI workflow running `install`. */
function repository(fixture: string, install: string): SourceFile[] {
  const root = path.join(ingest, fixture);
  const files = (readdirSync(root, { recursive: true, encoding: "utf8" }) as string[])
    .filter((file) => /(package\.json|pnpm-lock\.yaml|yarn\.lock|pnpm-workspace\.yaml)$/.test(file))
    .map((file) => ({ path: file.split(path.sep).join("/"), content: readFileSync(path.join(root, file), "utf8") }));
  const workflow = [
    "on: pull_request",
    "jobs:",
    "  build:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@v4",
    `      - run: ${install}`,
    "        env:",
    "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}",
    "",
  ].join("\n");
  return [{ path: ".github/workflows/ci.yml", content: workflow }, ...files];
}

const installedIn = (edges: TEdgeFact[], versionKey: string) => edges.find((edge) => edge.kind === "INSTALLED_IN" && edge.from === versionKey);

describe("parseSources with pnpm and yarn lockfiles", () => {
  it("links a pnpm lockfile's versions to the job running pnpm install, with resolve, lockfile and declared range", () => {
    const parsed = parseSources(repository("pnpm-lockfile/fixtures/v6-install-script", "pnpm install --frozen-lockfile"), { repo: "acme/web" });
    expect(parsed.errors).toEqual([]);
    expect(parsed.filesByFormat).toMatchObject({ "pnpm-lockfile": 1, workflow: 1 });
    const document = parsed.documents.find((doc) => doc.format === "pnpm-lockfile")!;
    expect(document.key).toBe("lockfile:acme/web:pnpm-lock.yaml");
    expect(installedIn(document.edges, "pkg:npm/core-js@3.51.0")).toEqual({
      kind: "INSTALLED_IN",
      from: "pkg:npm/core-js@3.51.0",
      to: "context:acme/web/ci.yml/build",
      attributes: { phase: "install", dev: false, resolve: "lockfile", lockfile: "pnpm-lock.yaml", direct: true, range: "^3.38.0" },
    });
    expect(installedIn(document.edges, "pkg:npm/is-number@6.0.0")?.attributes).not.toHaveProperty("direct");
    expect(parsed.declaredRanges.map((declared) => [declared.dependency.name, declared.pinned])).toContainEqual(["core-js", "3.51.0"]);
  });

  it("turns scripts off for a package pnpm-workspace.yaml's onlyBuiltDependencies leaves out, and reads workspace ranges", () => {
    const files = repository("pnpm-lockfile/fixtures/v9-workspace", "pnpm install --frozen-lockfile");
    const parsed = parseSources(files, { repo: "acme/mono" });
    expect(parsed.errors).toEqual([]);
    const document = parsed.documents.find((doc) => doc.format === "pnpm-lockfile")!;
    expect(installedIn(document.edges, "pkg:npm/core-js@3.51.0")?.attributes).toMatchObject({
      phase: "runtime",
      ignoreScripts: true,
      direct: true,
      range: "^3.38.0",
    });
    expect(installedIn(document.edges, "pkg:npm/ms@2.1.3")?.attributes).toMatchObject({ direct: true, range: "^2.1.2", resolve: "lockfile" });
    // the workspace packages are covered by the root lockfile, not stored as lone package.json files
    expect(parsed.documents.filter((doc) => doc.format === "package-json")).toEqual([]);
    expect(parsed.declaredRanges).toContainEqual({
      file: "packages/lib/package.json",
      dependency: expect.objectContaining({ name: "ms", range: "^2.1.2" }),
      pinned: "2.1.3",
    });
    // unknown install scripts are not asserted on the shared version node
    const coreJs = document.nodes.find((node) => node.key === "pkg:npm/core-js@3.51.0")!;
    expect(coreJs.attrs).not.toHaveProperty("hasInstallScript");
  });

  it("never reads pnpm-lock.yaml or pnpm-workspace.yaml as a workflow", () => {
    const parsed = parseSources(repository("pnpm-lockfile/fixtures/v9-workspace", "pnpm install"), { repo: "acme/mono" });
    expect(parsed.filesByFormat).toMatchObject({ workflow: 1, "pnpm-lockfile": 1, "pnpm-workspace": 1 });
  });

  it("refuses a malformed pnpm-workspace.yaml with its line", () => {
    const files = repository("pnpm-lockfile/fixtures/v9-workspace", "pnpm install").map((file) =>
      file.path === "pnpm-workspace.yaml" ? { ...file, content: "packages:\n  - [\n" } : file,
    );
    expect(parseSources(files, { repo: "acme/mono" }).errors).toEqual([
      { file: "pnpm-workspace.yaml", line: expect.any(Number), message: expect.stringContaining("invalid YAML") },
    ]);
  });

  it("links a yarn Berry workspace lockfile, with built: false as scripts off", () => {
    const parsed = parseSources(repository("yarn-lockfile/fixtures/berry-workspace", "yarn install --immutable"), { repo: "acme/yarn" });
    expect(parsed.errors).toEqual([]);
    const document = parsed.documents.find((doc) => doc.format === "yarn-lockfile")!;
    expect(document.key).toBe("lockfile:acme/yarn:yarn.lock");
    expect(installedIn(document.edges, "pkg:npm/core-js@3.51.0")?.attributes).toEqual({
      phase: "runtime",
      dev: false,
      ignoreScripts: true,
      resolve: "lockfile",
      lockfile: "yarn.lock",
      direct: true,
      range: "^3.38.0",
    });
    expect(installedIn(document.edges, "pkg:npm/is-number@7.0.0")?.attributes).toMatchObject({ dev: true, direct: true, range: "^7.0.0" });
  });

  it("takes a classic yarn workspace's direct ranges from its workspaces' package.json", () => {
    const parsed = parseSources(repository("yarn-lockfile/fixtures/v1-workspace", "yarn install --frozen-lockfile"), { repo: "acme/yarn1" });
    expect(parsed.errors).toEqual([]);
    const document = parsed.documents.find((doc) => doc.format === "yarn-lockfile")!;
    expect(installedIn(document.edges, "pkg:npm/ms@2.1.3")?.attributes).toMatchObject({ direct: true, range: "^2.1.1", lockfile: "yarn.lock" });
    expect(installedIn(document.edges, "pkg:npm/ms@2.0.0")?.attributes).toMatchObject({ direct: true, range: "npm:ms@2.0.0" });
    expect(installedIn(document.edges, "pkg:npm/@ctrl/tinycolor@4.3.0".replace("@ctrl", "%40ctrl"))?.attributes).toMatchObject({
      direct: true,
      range: "^4.1.0",
    });
    expect(parsed.declaredRanges.map((declared) => declared.file).sort()).toEqual([
      "packages/a/package.json",
      "packages/a/package.json",
      "packages/a/package.json",
      "packages/b/package.json",
      "packages/b/package.json",
      "packages/b/package.json",
      "yarn.lock",
    ]);
  });
});

describe("onlyBuiltDependenciesOf", () => {
  const workspace = (content: string) => ({ path: "pnpm-workspace.yaml", content });

  it("reads the allow-list from pnpm-workspace.yaml before package.json's pnpm field", () => {
    const packageJson = { pnpm: { onlyBuiltDependencies: ["core-js"] } };
    expect(onlyBuiltDependenciesOf(packageJson, null)).toEqual({ ok: true, onlyBuiltDependencies: ["core-js"] });
    expect(onlyBuiltDependenciesOf(packageJson, workspace("onlyBuiltDependencies:\n  - esbuild\n"))).toEqual({ ok: true, onlyBuiltDependencies: ["esbuild"] });
    expect(onlyBuiltDependenciesOf(packageJson, workspace("packages: [a]\n"))).toEqual({ ok: true, onlyBuiltDependencies: ["core-js"] });
  });

  it("knows no list when nothing sets one or every build is allowed", () => {
    expect(onlyBuiltDependenciesOf({ name: "x" }, null)).toEqual({ ok: true, onlyBuiltDependencies: null });
    expect(onlyBuiltDependenciesOf({ pnpm: { onlyBuiltDependencies: ["a"] } }, workspace("dangerouslyAllowAllBuilds: true\n"))).toEqual({
      ok: true,
      onlyBuiltDependencies: null,
    });
  });
});
