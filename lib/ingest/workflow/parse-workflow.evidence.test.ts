import { describe, expect, it } from "vitest";
import { parseWorkflow } from "./parse-workflow";
import { parseOk } from "./workflow-test-kit";

// What a workflow says about its installs, publishes, actions, containers and runners. Template
// literals write `\${{` for `${{`.

const SHA_A = "a".repeat(40);
const SHA_B = "b".repeat(40);

describe("fresh resolves", () => {
  it("a deploy job that only runs `npx vercel@latest deploy` installs pkg:npm/vercel fresh and is not a lockfile install", () => {
    const parsed = parseOk(`
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Deploy
        run: npx vercel@latest deploy --prod
        env:
          VERCEL_TOKEN: \${{ secrets.VERCEL_TOKEN }}
`);
    const installed = parsed.edges("INSTALLED_IN");
    expect(installed).toEqual([
      {
        kind: "INSTALLED_IN",
        from: "pkg:npm/vercel",
        to: parsed.contextKeyOf("deploy"),
        attributes: { resolve: "fresh", spec: "latest", command: "npx vercel@latest deploy --prod", line: 8, runs: true, step: "Deploy" },
      },
    ]);
    expect(parsed.node("pkg:npm/vercel")).toMatchObject({
      kind: "package",
      reference: true,
      attrs: { ecosystem: "npm", name: "vercel", purl: "pkg:npm/vercel" },
    });
    expect(parsed.context("deploy").attrs.installSteps).toEqual([
      {
        line: 8,
        command: "npx vercel@latest deploy --prod",
        manager: "npx",
        ignoreScripts: false,
        installs: "fresh",
        directory: "",
        packages: [{ name: "vercel", spec: "latest" }],
        step: "Deploy",
        secrets: ["VERCEL_TOKEN"],
      },
    ]);
    expect(parsed.context("deploy").attrs.installSteps?.some((step) => step.installs === "lockfile")).toBe(false);
    // vercel's own code runs in that step and reads its environment directly
    expect(parsed.exposure("deploy", "VERCEL_TOKEN")?.exposure).toBe("install");
  });

  it("an exact version links that version, its package and VERSION_OF; the edge says the step ignores scripts", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm i -g --ignore-scripts @nx/workspace@21.5.0
`);
    const version = "pkg:npm/%40nx/workspace@21.5.0";
    expect(parsed.node(version)).toMatchObject({
      kind: "packageVersion",
      reference: true,
      attrs: { packageKey: "pkg:npm/%40nx/workspace", version: "21.5.0", purl: version },
    });
    expect(parsed.node("pkg:npm/%40nx/workspace")).toMatchObject({ kind: "package", reference: true });
    expect(parsed.edges("VERSION_OF")).toEqual([{ kind: "VERSION_OF", from: version, to: "pkg:npm/%40nx/workspace" }]);
    expect(parsed.edges("INSTALLED_IN")).toEqual([
      expect.objectContaining({ from: version, attributes: expect.objectContaining({ spec: "21.5.0", runs: false, ignoreScripts: true }) }),
    ]);
  });

  it("`npm install <pkg>` is a lockfile install of its directory and a fresh resolve of the package", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm install left-pad@^1.3.0
        working-directory: web
`);
    expect(parsed.context("build").attrs.installSteps?.map((step) => [step.installs, step.directory, step.packages])).toEqual([
      ["lockfile", "web", undefined],
      ["fresh", "web", [{ name: "left-pad", spec: "^1.3.0" }]],
    ]);
    expect(parsed.edges("INSTALLED_IN")[0]).toMatchObject({ from: "pkg:npm/left-pad", attributes: { spec: "^1.3.0", runs: false } });
  });

  it("a bare npx after a lockfile install in the same directory may run the project's own bin", () => {
    const parsed = parseOk("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n      - run: npx eslint .\n");
    expect(parsed.edges("INSTALLED_IN")[0].attributes).toMatchObject({ spec: "latest", runs: true, mayResolveLocally: true });
  });
});

describe("install directories", () => {
  it("`cd web && npm ci` is a lockfile install in web", () => {
    const parsed = parseOk("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd web && npm ci\n");
    expect(parsed.context("a").attrs.installSteps).toMatchObject([{ installs: "lockfile", directory: "web", command: "npm ci" }]);
  });

  it("the step's working-directory, else the job's defaults, else the workflow's, normalised", () => {
    const parsed = parseOk(`
on: push
defaults:
  run:
    working-directory: ./site/
jobs:
  workflow-default:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
  job-default:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: apps/web
    steps:
      - run: pnpm install
      - run: pnpm install
        working-directory: ./packages/core/
      - run: npm ci --prefix ../docs
      - run: npm ci
        working-directory: \${{ matrix.dir }}
`);
    expect(parsed.context("workflow-default").attrs.installSteps?.map((step) => step.directory)).toEqual(["site"]);
    expect(parsed.context("job-default").attrs.installSteps?.map((step) => step.directory)).toEqual([
      "apps/web",
      "packages/core",
      "apps/docs",
      "${{ matrix.dir }}",
    ]);
  });
});

describe("install steps name their step and its secrets", () => {
  it("each install lists the secrets of its own step's environment, deduplicated and sorted", () => {
    const parsed = parseOk(`
on: push
env:
  SHARED: \${{ secrets.SHARED }}
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      JOB: \${{ secrets.JOB_SECRET }}
    steps:
      - id: deps
        run: npm ci
      - name: Tools
        run: npx cowsay@1.6.0 hi
        env:
          A: \${{ secrets.STEP_SECRET }}
          B: \${{ secrets.STEP_SECRET }}
        with:
          token: \${{ secrets.WITH_SECRET }}
`);
    expect(parsed.context("build").attrs.installSteps?.map((step) => [step.step, step.secrets])).toEqual([
      ["deps", ["JOB_SECRET", "SHARED"]],
      ["Tools", ["JOB_SECRET", "SHARED", "STEP_SECRET", "WITH_SECRET"]],
    ]);
  });
});

describe("publish steps", () => {
  it("`npm publish --provenance` with id-token: write and NODE_AUTH_TOKEN gives its secret, provenance and trusted publishing", () => {
    const parsed = parseOk(`
on: release
permissions:
  contents: read
  id-token: write
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
      - name: Publish
        run: npm publish --provenance --access public
        working-directory: packages/core
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          SLACK: \${{ secrets.SLACK_WEBHOOK }}
`);
    expect(parsed.context("publish").attrs.publishSteps).toEqual([
      {
        line: 12,
        command: "npm publish --provenance --access public",
        tool: "npm",
        directory: "packages/core",
        recursive: false,
        secrets: ["NPM_TOKEN"],
        provenance: true,
        trustedPublishing: true,
      },
    ]);
  });

  it("changesets/action with a publish command publishes recursively, with the NPM_TOKEN of its env", () => {
    const parsed = parseOk(`
on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: changesets/action@v1
        with:
          publish: pnpm release
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
          NPM_CONFIG_PROVENANCE: true
`);
    expect(parsed.context("release").attrs.publishSteps).toEqual([
      {
        line: 7,
        command: "pnpm release",
        tool: "changesets",
        directory: "",
        recursive: true,
        secrets: ["NPM_TOKEN"],
        provenance: true,
        trustedPublishing: false,
      },
    ]);
  });

  it("a token written into .npmrc by an earlier step is the publish's secret; JS-DevTools/npm-publish takes `with.token`", () => {
    const parsed = parseOk(`
on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: echo "//registry.npmjs.org/:_authToken=\${{ secrets.NPM_PUBLISH }}" > ~/.npmrc
      - run: pnpm -r publish --no-git-checks
      - uses: JS-DevTools/npm-publish@v3
        with:
          token: \${{ secrets.OTHER_NPM }}
`);
    expect(parsed.context("release").attrs.publishSteps?.map((step) => [step.tool, step.recursive, step.secrets])).toEqual([
      ["pnpm", true, ["NPM_PUBLISH"]],
      ["npm", false, ["NPM_PUBLISH", "OTHER_NPM"]],
    ]);
  });

  it("a job that does not publish has no publish steps", () => {
    expect(
      parseOk("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish --dry-run || true\n      - run: npm test\n").context("a")
        .attrs.publishSteps,
    ).toHaveLength(1);
    expect(parseOk("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n").context("a").attrs.publishSteps).toEqual([]);
  });
});

describe("local composite actions", () => {
  const setup = `
name: setup
inputs:
  token:
    description: registry token
runs:
  using: composite
  steps:
    - uses: pnpm/action-setup@v4
    - run: pnpm install --frozen-lockfile
      shell: bash
    - uses: ./.github/actions/inner
      with:
        token: \${{ inputs.token }}
`;
  const inner = `
runs:
  using: composite
  steps:
    - uses: actions/cache@${SHA_A}
    - run: npx semantic-release
      shell: bash
      env:
        NPM_TOKEN: \${{ inputs.token }}
    - uses: ./.github/actions/setup
`;
  const workflow = `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache@v4
      - name: Setup
        uses: ./.github/actions/setup
        with:
          token: \${{ secrets.NPM_TOKEN }}
`;

  it("a composite action's remote uses are USED_IN edges of the job, with the action they come through", () => {
    const parsed = parseOk(workflow, { localActions: { ".github/actions/setup": setup, ".github/actions/inner": inner } });
    const pnpm = parsed.edges("USED_IN").find((edge) => edge.from === "action:pnpm/action-setup");
    expect(pnpm).toMatchObject({
      to: parsed.contextKeyOf("build"),
      attributes: { uses: "pnpm/action-setup@v4", via: "./.github/actions/setup", file: ".github/actions/setup/action.yml", line: 9 },
    });
    // used by tag in the workflow and by SHA in the nested action: not pinned, both recorded
    expect(parsed.edges("USED_IN").find((edge) => edge.from === "action:actions/cache")?.attributes).toMatchObject({
      pinned: false,
      shas: [SHA_A],
      refs: ["v4", SHA_A],
    });
  });

  it("its installs and publishes are the job's, with lines in the action file, and its caller's secrets", () => {
    const parsed = parseOk(workflow, { localActions: { ".github/actions/setup": setup, ".github/actions/inner": inner } });
    const steps = parsed.context("build").attrs.installSteps ?? [];
    expect(steps.map((step) => [step.command, step.installs, step.line, step.step, step.secrets])).toEqual([
      ["pnpm install --frozen-lockfile", "lockfile", 10, "Setup", ["NPM_TOKEN"]],
      ["npx semantic-release", "fresh", 6, "Setup", ["NPM_TOKEN"]],
    ]);
    expect(parsed.edges("INSTALLED_IN")[0].attributes).toMatchObject({ file: ".github/actions/inner/action.yml", line: 6 });
    // the input passed the secret to NPM_TOKEN inside the nested action
    expect(parsed.context("build").attrs.publishSteps).toMatchObject([{ tool: "semantic-release", secrets: ["NPM_TOKEN"], line: 6 }]);
    // the install runs scripts inside the step the secret is passed to
    expect(parsed.exposure("build", "NPM_TOKEN")?.exposure).toBe("install");
  });

  it("a missing local action, or a node or docker one, adds nothing and is no error", () => {
    const node = "runs:\n  using: node20\n  main: index.js\n";
    const parsed = parseOk(workflow, { localActions: { ".github/actions/setup": node } });
    expect(parsed.context("build").attrs.installSteps).toEqual([]);
    expect(parsed.edges("USED_IN").map((edge) => edge.from)).toEqual(["action:actions/cache"]);
    expect(parseOk(workflow).context("build").attrs.installSteps).toEqual([]);
  });
});

describe("action refs", () => {
  it("pinned only when every use is a full SHA; every SHA and ref is listed", () => {
    const parsed = parseOk(`
on: push
jobs:
  pinned:
    runs-on: ubuntu-latest
    steps:
      - uses: some-org/deploy@${SHA_A}
      - uses: some-org/deploy/sub@${SHA_B}
  mixed:
    runs-on: ubuntu-latest
    steps:
      - uses: some-org/deploy@${SHA_A}
      - uses: some-org/deploy@v3
`);
    const edge = (job: string) => parsed.edges("USED_IN").find((candidate) => candidate.to === parsed.contextKeyOf(job))?.attributes;
    expect(edge("pinned")).toMatchObject({ pinned: true, shas: [SHA_A, SHA_B], refs: [SHA_A, SHA_B], ref: SHA_A, line: 7 });
    expect(edge("mixed")).toMatchObject({ pinned: false, shas: [SHA_A], refs: [SHA_A, "v3"], ref: "v3", uses: "some-org/deploy@v3", line: 13 });
  });
});

describe("containers, calls and workflow_run", () => {
  it("job containers, service images and docker:// steps are the job's images, with no action node", () => {
    const parsed = parseOk(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    container: node:22
    services:
      db:
        image: postgres:17
    steps:
      - uses: docker://alpine:3.20
  b:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/acme/builder:1
    steps:
      - run: make
`);
    expect(parsed.context("a").attrs.containerImages).toEqual(["node:22", "postgres:17", "alpine:3.20"]);
    expect(parsed.context("b").attrs.containerImages).toEqual(["ghcr.io/acme/builder:1"]);
    expect(parsed.edges("USED_IN")).toEqual([]);
  });

  it("a job-level `uses:` is recorded in calls, and workflow_run names in workflowRuns", () => {
    const parsed = parseOk(`
on:
  workflow_run:
    workflows: [CI, "Build docs"]
    types: [completed]
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml
`);
    expect(parsed.context("deploy").attrs).toMatchObject({ calls: ["./.github/workflows/deploy.yml"], workflowRuns: ["CI", "Build docs"] });
  });
});

describe("runner labels", () => {
  it("`runs-on: my-fleet` is a self-hosted runner, marked as a label that may be a larger runner", () => {
    const parsed = parseOk("on: push\njobs:\n  build:\n    runs-on: my-fleet\n    steps:\n      - run: make\n");
    expect(parsed.node("runner:acme/my-fleet")?.attrs).toMatchObject({ hosting: "selfHosted", persistent: true });
    expect(parsed.edges("RUNS_ON")[0].attributes).toMatchObject({ labelUnknown: true, labelUnknownReason: expect.stringContaining("larger runner") });
  });

  it("a GitHub-hosted arm image makes no runner", () => {
    const parsed = parseOk("on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04-arm\n    steps:\n      - run: make\n");
    expect(parsed.document.nodes.some((node) => node.kind === "runner")).toBe(false);
  });
});

describe("composite expansion is bounded", () => {
  it("a chain of local actions deeper than five is cut off without error", () => {
    const chain = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `a${i}`,
        `runs:\n  using: composite\n  steps:\n    - run: npm ci --prefix d${i}\n      shell: bash\n    - uses: ./a${i + 1}\n`,
      ]),
    );
    const repository = {
      repo: "acme/web",
      npmrcIgnoresScripts: false,
      localActions: new Map(Object.entries(chain).map(([dir, content]) => [dir, { path: `${dir}/action.yml`, content }])),
    };
    const result = parseWorkflow(
      { path: ".github/workflows/ci.yml", content: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./a0\n" },
      repository,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const context = result.documents[0].nodes.find((node) => node.kind === "context");
    const directories = context?.kind === "context" ? context.attrs.installSteps?.map((step) => step.directory) : [];
    expect(directories).toEqual(["d0", "d1", "d2", "d3", "d4"]);
  });
});
