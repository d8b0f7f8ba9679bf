import { describe, expect, it } from "vitest";
import { parseSources } from "@/lib/ingest/parse-sources";
import type { SourceFile } from "@/lib/ingest/types";
import type { TEdgeFact, TPublishStep } from "@/lib/schemas/graph-facts";
import { deriveTriggersWithStored, publishedPackages, type PackageManifest } from "./workflow-evidence";

// A monorepo as teams write it: a PR-title check on pull_request_target with no permissions block,
// a publish workflow started by hand that publishes every workspace package with NPM_TOKEN, a
// docs workflow that runs after CI completes, and a release job with trusted publishing.
const files: SourceFile[] = [
  {
    path: "tooling/.github/workflows/pr-title.yml",
    content: `name: PR title
on:
  pull_request_target:
    types: [opened, edited]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: echo "Checking ${"$"}{{ github.event.pull_request.title }}"
`,
  },
  {
    path: "tooling/.github/workflows/publish.yml",
    content: `name: Publish
on:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          registry-url: https://registry.npmjs.org
      - run: npm ci
      - run: npm publish --workspaces
        env:
          NODE_AUTH_TOKEN: ${"$"}{{ secrets.NPM_TOKEN }}
`,
  },
  {
    path: "tooling/.github/workflows/ci.yml",
    content: `name: CI
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`,
  },
  {
    path: "tooling/.github/workflows/docs.yml",
    content: `name: Docs
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy-docs.sh
        env:
          DOCS_TOKEN: ${"$"}{{ secrets.DOCS_TOKEN }}
`,
  },
  {
    path: "tooling/.github/workflows/release.yml",
    content: `name: Release
on:
  push:
    tags: ["v*"]
permissions:
  contents: read
  id-token: write
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
        working-directory: packages/cli
      - run: npm publish --provenance --access public
        working-directory: packages/cli
`,
  },
  { path: "tooling/package.json", content: JSON.stringify({ name: "tooling", private: true, workspaces: ["packages/*"] }) },
  { path: "tooling/packages/cli/package.json", content: JSON.stringify({ name: "@acme/cli", version: "1.4.0" }) },
  { path: "tooling/packages/eslint-config/package.json", content: JSON.stringify({ name: "@acme/eslint-config", version: "2.0.0" }) },
  { path: "tooling/packages/internal/package.json", content: JSON.stringify({ name: "@acme/internal", private: true }) },
];

function edges(): TEdgeFact[] {
  const parsed = parseSources(files, { repoNames: { "tooling/": "acme/tooling" } });
  expect(parsed.errors).toEqual([]);
  return parsed.documents.flatMap((document) => document.edges);
}
const find = (all: TEdgeFact[], kind: string, from: string, to: string) => all.find((edge) => edge.kind === kind && edge.from === from && edge.to === to);

describe("publish rights derived from workflows", () => {
  it("the token handed to `npm publish --workspaces` can publish every public workspace package, and says where it was seen", () => {
    const all = edges();
    for (const pkg of ["pkg:npm/%40acme/cli", "pkg:npm/%40acme/eslint-config"]) {
      expect(find(all, "CAN_PUBLISH", "secret:acme/tooling:NPM_TOKEN", pkg)?.attributes).toMatchObject({
        evidence: "publish step",
        file: ".github/workflows/publish.yml",
        command: expect.stringContaining("npm publish"),
      });
    }
    expect(find(all, "CAN_PUBLISH", "secret:acme/tooling:NPM_TOKEN", "pkg:npm/%40acme/internal")).toBeUndefined();
    expect(find(all, "CAN_PUBLISH", "secret:acme/tooling:NPM_TOKEN", "pkg:npm/tooling")).toBeUndefined();
  });

  it("a job with id-token: write that publishes can publish itself (trusted publishing), only the package of its directory", () => {
    const all = edges();
    const edge = find(all, "CAN_PUBLISH", "context:acme/tooling/release.yml/release", "pkg:npm/%40acme/cli");
    expect(edge).toMatchObject({ exposure: "install", attributes: expect.objectContaining({ trustedPublishing: true, provenance: true }) });
    expect(find(all, "CAN_PUBLISH", "context:acme/tooling/release.yml/release", "pkg:npm/%40acme/eslint-config")).toBeUndefined();
  });

  it("a recursive publish from a directory without a package.json publishes nothing it cannot name", () => {
    const step: TPublishStep = {
      line: 1,
      command: "npm publish",
      tool: "npm",
      directory: "nowhere",
      recursive: false,
      secrets: ["NPM_TOKEN"],
      provenance: false,
      trustedPublishing: false,
    };
    const manifests: PackageManifest[] = [{ repo: "acme/x", directory: "", name: "x", private: false, workspaces: [] }];
    expect(publishedPackages(step, manifests)).toEqual([]);
    expect(publishedPackages({ ...step, directory: "" }, manifests)).toEqual(["x"]);
  });
});

describe("triggers derived from workflows", () => {
  it("a job with no permissions block dispatches the workflow_dispatch workflows, and the edge says write was assumed", () => {
    const all = edges();
    expect(
      find(all, "TRIGGERS", "identity:github-token:acme/tooling/pr-title.yml/check", "context:acme/tooling/publish.yml/publish")?.attributes,
    ).toMatchObject({
      trigger: "workflow_dispatch",
      assumed: true,
    });
  });

  it("a job whose token is read-only dispatches nothing", () => {
    const all = edges();
    expect(all.filter((edge) => edge.kind === "TRIGGERS" && edge.from === "identity:github-token:acme/tooling/ci.yml/test")).toEqual([]);
  });

  it("a workflow_run workflow is started by the jobs of the workflow it names", () => {
    const all = edges();
    expect(find(all, "TRIGGERS", "context:acme/tooling/ci.yml/test", "context:acme/tooling/docs.yml/deploy")).toMatchObject({
      exposure: "job",
      attributes: expect.objectContaining({ trigger: "workflow_run" }),
    });
  });

  it("a workflow imported alone is linked to the repository's workflows imported earlier", () => {
    const alone = parseSources([files[0]], { repo: "acme/tooling" });
    expect(alone.errors).toEqual([]);
    deriveTriggersWithStored(alone.documents, [
      {
        key: "context:acme/tooling/publish.yml/publish",
        repo: "acme/tooling",
        workflow: ".github/workflows/publish.yml",
        workflowName: "Publish",
        job: "publish",
        triggers: ["workflow_dispatch"],
        workflowRuns: [],
        calls: [],
        tokenPermissions: { contents: "read" },
        file: ".github/workflows/publish.yml",
        line: 7,
      },
    ]);
    const all = alone.documents.flatMap((document) => document.edges);
    expect(find(all, "TRIGGERS", "identity:github-token:acme/tooling/pr-title.yml/check", "context:acme/tooling/publish.yml/publish")).toBeDefined();
  });
});
