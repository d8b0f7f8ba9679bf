import { describe, expect, it } from "vitest";
import { isWorkflow, parseWorkflow } from "./parse-workflow";
import { parseOk } from "./workflow-test-kit";

// One rule per test, on small hand-written workflows. Template literals write `\${{` for `${{`.

const repo = { repo: "acme/web", npmrcIgnoresScripts: false };

describe("exposure of a secret to install scripts", () => {
  it("a secret in workflow env is exposed to the install scripts of `npm ci`", () => {
    const parsed = parseOk(`
on: push
env:
  NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
`);
    expect(parsed.exposure("build", "NPM_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["workflow-env"], line: 4, step: null } });
  });

  it("a secret in job env is exposed to the install scripts of a bare `yarn`", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
    steps:
      - run: yarn
`);
    expect(parsed.exposure("build", "NPM_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["job-env"], line: 7 } });
    expect(parsed.context("build").attrs.installSteps).toEqual([
      { line: 9, command: "yarn", manager: "yarn", ignoreScripts: false, installs: "lockfile", directory: "", step: "#1", secrets: ["NPM_TOKEN"] },
    ]);
  });

  it("a secret in the env of the install step itself is exposed to its install scripts", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: deps
        run: pnpm install --frozen-lockfile
        env:
          TOKEN: \${{ secrets.REGISTRY_TOKEN }}
`);
    expect(parsed.exposure("build", "REGISTRY_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["step-env"], step: "deps", line: 10 } });
  });

  it("a secret used in a later step after `npm ci` is exposed at job level: planted code persists for the rest of the job", () => {
    const parsed = parseOk(`
on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`);
    expect(parsed.exposure("release", "NPM_TOKEN")?.exposure).toBe("job");
  });

  it("a secret used in a step before any install is exposed at job level, not install", () => {
    const parsed = parseOk(`
on: push
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - run: ./notify.sh
        env:
          SLACK_WEBHOOK: \${{ secrets.SLACK_WEBHOOK }}
      - run: npm ci
`);
    expect(parsed.exposure("release", "SLACK_WEBHOOK")?.exposure).toBe("job");
  });

  it("a secret in a job with no install step at all is still exposed at job level", () => {
    const parsed = parseOk(`
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
    steps:
      - run: ./deploy.sh
`);
    expect(parsed.exposure("deploy", "AWS_SECRET_ACCESS_KEY")?.exposure).toBe("job");
    expect(parsed.node("secret:acme/web:AWS_SECRET_ACCESS_KEY")?.attrs).toMatchObject({ secretType: "aws" });
  });

  // With scripts ignored no package code runs during the install, so the job env is not read by
  // install scripts. The installed packages still run later (build, test) inside the same job,
  // so the secret stays reachable at job level rather than disappearing.
  it("an install with --ignore-scripts leaves a job-env secret at job level, not install", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
    steps:
      - run: npm ci --ignore-scripts
`);
    expect(parsed.exposure("build", "NPM_TOKEN")?.exposure).toBe("job");
    expect(parsed.context("build").attrs).toMatchObject({ ignoresScripts: true, installSteps: [{ command: "npm ci --ignore-scripts", ignoreScripts: true }] });
  });

  it("npm_config_ignore_scripts in scope, or a checked-in .npmrc, makes an install ignore scripts", () => {
    const viaEnv = parseOk(`
on: push
env:
  npm_config_ignore_scripts: true
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
    steps:
      - run: npm ci
`);
    expect(viaEnv.context("build").attrs.installSteps?.[0].ignoreScripts).toBe(true);
    expect(viaEnv.exposure("build", "NPM_TOKEN")?.exposure).toBe("job");
    const viaNpmrc = parseOk("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n", { npmrcIgnoresScripts: true });
    expect(viaNpmrc.context("build").attrs.ignoresScripts).toBe(true);
  });

  it("a secret used only in another job on ubuntu-latest is not exposed to this job's install", () => {
    const parsed = parseOk(`
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`);
    expect(parsed.exposure("test", "NPM_TOKEN")).toBeUndefined();
    expect(parsed.exposure("publish", "NPM_TOKEN")?.exposure).toBe("job");
    expect(parsed.document.nodes.some((node) => node.kind === "runner")).toBe(false);
  });

  it("jobs on one self-hosted runner reach each other's secrets through it", () => {
    const parsed = parseOk(`
on: push
jobs:
  test:
    runs-on: [self-hosted, linux]
    steps:
      - run: npm ci
  publish:
    runs-on: [linux, self-hosted]
    steps:
      - run: npm publish
        env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
`);
    const runner = "runner:acme/linux,self-hosted";
    expect(parsed.node(runner)?.attrs).toMatchObject({ hosting: "selfHosted", persistent: true, shared: true });
    expect(
      parsed
        .edges("RUNS_ON")
        .map((edge) => edge.from)
        .sort(),
    ).toEqual([parsed.contextKeyOf("publish"), parsed.contextKeyOf("test")]);
    expect(parsed.exposure("test", "NPM_TOKEN")).toMatchObject({ exposure: "runner", attributes: { via: ["runner"] } });
    const fromRunner = parsed.edges("EXPOSES").find((edge) => edge.from === runner && edge.to === "secret:acme/web:NPM_TOKEN");
    expect(fromRunner?.exposure).toBe("runner");
    // each job's own GITHUB_TOKEN is on the runner too
    expect(parsed.edges("EXPOSES").some((edge) => edge.from === runner && edge.to === "secret:acme/web:GITHUB_TOKEN@release.yml/test")).toBe(true);
    // the strongest exposure wins for the job that uses the secret itself
    expect(parsed.exposure("publish", "NPM_TOKEN")?.exposure).toBe("job");
  });
});

describe("where secret references are found", () => {
  it("index syntax, any case and spacing, and `||` fallbacks all name secrets (upper-cased)", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo
        env:
          A: \${{secrets.npm_token}}
          B: \${{ secrets['Docker_Password'] }}
          C: \${{ SECRETS.First || secrets.Second }}
`);
    expect(parsed.secretNames()).toEqual(["DOCKER_PASSWORD", "FIRST", "NPM_TOKEN", "SECOND"]);
    expect(parsed.node("secret:acme/web:DOCKER_PASSWORD")?.attrs).toMatchObject({ secretType: "container-registry", storedIn: "ciSecret" });
  });

  it("a secret in `with:` inputs and in a `run:` script is recorded with how it is passed and its line", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: some/action@v1
        with:
          token: \${{ secrets.ACTION_TOKEN }}
      - name: login
        run: |
          echo start
          docker login -p \${{ secrets.DOCKER_PASSWORD }}
`);
    expect(parsed.exposure("build", "ACTION_TOKEN")).toMatchObject({ exposure: "job", attributes: { via: ["with"], line: 9, step: "some/action@v1" } });
    expect(parsed.exposure("build", "DOCKER_PASSWORD")).toMatchObject({ exposure: "job", attributes: { via: ["run"], line: 13, step: "login" } });
  });

  it("a secret written to .npmrc in the install step's own script is exposed to its install scripts", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "//registry.npmjs.org/:_authToken=\${{ secrets.NPM_TOKEN }}" > .npmrc && npm ci
`);
    expect(parsed.exposure("build", "NPM_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["run"] } });
  });

  it("text in YAML comments is not a reference", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      # NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }} is intentionally not set
      - run: npm publish # \${{ secrets.OTHER }}
`);
    expect(parsed.secretNames()).toEqual([]);
  });

  it("`secrets: inherit` passes every secret the caller names, marked as inherited", () => {
    const parsed = parseOk(`
on: push
jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - run: ./notify
        env:
          SLACK: \${{ secrets.SLACK_WEBHOOK }}
  scan:
    uses: other-org/workflows/.github/workflows/scan.yml@v2
    secrets: inherit
`);
    expect(parsed.exposure("scan", "SLACK_WEBHOOK")).toMatchObject({
      exposure: "job",
      attributes: { via: ["reusable-workflow"], inheritsAllSecrets: true, calls: "other-org/workflows/.github/workflows/scan.yml@v2", line: 11 },
    });
    const usedIn = parsed.edges("USED_IN").find((edge) => edge.to === parsed.contextKeyOf("scan"));
    expect(usedIn).toMatchObject({ from: "action:other-org/workflows", attributes: { reusableWorkflow: true, inheritsAllSecrets: true, pinned: false } });
  });

  it("workflow env is not passed to a reusable workflow; only its `secrets:` mapping is", () => {
    const parsed = parseOk(`
on: push
env:
  DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
jobs:
  release:
    uses: ./.github/workflows/release.yml
    secrets:
      token: \${{ secrets.NPM_TOKEN }}
`);
    expect(parsed.exposure("release", "DEPLOY_KEY")).toBeUndefined();
    expect(parsed.exposure("release", "NPM_TOKEN")).toMatchObject({
      exposure: "job",
      attributes: { via: ["reusable-workflow"], calls: "./.github/workflows/release.yml", line: 9 },
    });
    expect(parsed.document.nodes.some((node) => node.kind === "action")).toBe(false);
  });
});

describe("GITHUB_TOKEN permissions", () => {
  const withPermissions = (workflowLevel: string, jobLevel: string) =>
    parseOk(`
on: push
${workflowLevel}
jobs:
  build:
    runs-on: ubuntu-latest
${jobLevel}
    steps:
      - run: make
`).context("build").attrs.tokenPermissions;

  it("job-level permissions replace the workflow-level block entirely", () => {
    const permissions = withPermissions("permissions:\n  contents: write\n  packages: write", "    permissions:\n      issues: write");
    expect(permissions).toMatchObject({ issues: "write", contents: "none", packages: "none" });
  });

  it("naming one scope sets every other scope to none", () => {
    const permissions = withPermissions("permissions:\n  contents: read", "");
    expect(permissions?.contents).toBe("read");
    expect(Object.entries(permissions ?? {}).filter(([, level]) => level !== "none")).toEqual([["contents", "read"]]);
  });

  it("no permissions block anywhere is the repository default: unknown, assumed write", () => {
    const parsed = parseOk("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n");
    expect(parsed.context("build").attrs.tokenPermissions).toBeNull();
    expect(parsed.context("build").attrs.canMintOidc).toBe(false);
    const canAccess = parsed.edges("CAN_ACCESS")[0];
    expect(canAccess).toMatchObject({
      from: "identity:github-token:acme/web/release.yml/build",
      to: "system:github:acme",
      privilege: "write",
      attributes: { assumed: true },
    });
  });

  it("read-all, write-all and {} set every scope", () => {
    expect(Object.values(withPermissions("permissions: {}", "") ?? {}).every((level) => level === "none")).toBe(true);
    expect(withPermissions("permissions: read-all", "")).toMatchObject({ contents: "read", packages: "read", "id-token": "none" });
    expect(withPermissions("permissions: write-all", "")).toMatchObject({ contents: "write", "id-token": "write" });
  });

  it("id-token: write alone can mint OIDC tokens but is read access to source control", () => {
    const parsed = parseOk(
      "on: push\npermissions:\n  id-token: write\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n",
    );
    expect(parsed.context("build").attrs.canMintOidc).toBe(true);
    expect(parsed.edges("CAN_ACCESS")[0].privilege).toBe("read");
  });

  it("every job gets its own GITHUB_TOKEN secret and short-lived identity, readable by install scripts when it installs", () => {
    const parsed = parseOk(`
on: push
permissions:
  contents: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: npm ci
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: make lint
`);
    const secret = parsed.node("secret:acme/web:GITHUB_TOKEN@release.yml/build");
    expect(secret?.attrs).toMatchObject({ secretName: "GITHUB_TOKEN", secretType: "github-token", storedIn: "ciSecret" });
    expect(parsed.node("identity:github-token:acme/web/release.yml/build")?.attrs).toMatchObject({
      identityKind: "githubToken",
      lifetime: "shortLived",
      scopes: ["contents:write"],
      owner: null,
    });
    expect(parsed.edges("AUTHENTICATES_AS")).toContainEqual({
      kind: "AUTHENTICATES_AS",
      from: "secret:acme/web:GITHUB_TOKEN@release.yml/build",
      to: "identity:github-token:acme/web/release.yml/build",
    });
    expect(parsed.node("system:github:acme")?.attrs).toMatchObject({ systemKind: "sourceControl", criticality: "high" });
    expect(parsed.exposure("build", "GITHUB_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["GITHUB_TOKEN"] } });
    expect(parsed.exposure("lint", "GITHUB_TOKEN")?.exposure).toBe("job");
    expect(parsed.edges("CAN_ACCESS").every((edge) => edge.privilege === "write")).toBe(true);
  });
});

describe("untrusted pull request code", () => {
  it("pull_request_target checking out the pull request's head.sha runs untrusted code with the job's secrets", () => {
    const parsed = parseOk(`
on: pull_request_target
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
        env:
          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}
`);
    expect(parsed.context("preview").attrs.untrustedCode).toBe(true);
    expect(parsed.exposure("preview", "DEPLOY_TOKEN")).toMatchObject({
      exposure: "install",
      attributes: { untrusted: true, untrustedTrigger: "pull_request_target", untrustedLine: 7 },
    });
    expect(parsed.exposure("preview", "GITHUB_TOKEN")?.attributes).toMatchObject({ untrustedTrigger: "pull_request_target" });
  });

  it("plain pull_request checking out the head sha is not untrusted: forks get no secrets there", () => {
    const parsed = parseOk(`
on: [pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
`);
    expect(parsed.context("test").attrs.untrustedCode).toBe(false);
    expect(parsed.exposure("test", "GITHUB_TOKEN")?.attributes?.untrusted).toBeUndefined();
  });

  it("an issue comment body interpolated into a run script is untrusted code", () => {
    const parsed = parseOk(`
on:
  issue_comment:
    types: [created]
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.comment.body }}"
`);
    expect(parsed.context("triage").attrs.untrustedCode).toBe(true);
    expect(parsed.context("triage").attrs.triggers).toEqual(["issue_comment"]);
  });

  it("workflow_run checking out the triggering run's head_sha, or `gh pr checkout` in a script, is untrusted code", () => {
    const workflowRun = parseOk(`
on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.workflow_run.head_sha }}
`);
    expect(workflowRun.context("report").attrs.untrustedCode).toBe(true);
    const comment = parseOk(`
on: issue_comment
jobs:
  rebase:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr checkout \${{ github.event.issue.number }} && npm ci
`);
    expect(comment.context("rebase").attrs.untrustedCode).toBe(true);
    expect(comment.exposure("rebase", "GITHUB_TOKEN")).toMatchObject({
      exposure: "install",
      attributes: { untrustedTrigger: "issue_comment", untrustedLine: 7 },
    });
  });

  it("pull_request_target that only labels the pull request is not untrusted", () => {
    const parsed = parseOk(`
on: pull_request_target
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/labeler@v5
`);
    expect(parsed.context("label").attrs.untrustedCode).toBe(false);
  });
});

describe("runners", () => {
  it("a runner group is one persistent runner node keyed by group", () => {
    const parsed = parseOk("on: push\njobs:\n  build:\n    runs-on:\n      group: release-runners\n      labels: [linux]\n    steps:\n      - run: make\n");
    expect(parsed.node("runner:acme/group:release-runners")?.attrs).toMatchObject({
      hosting: "selfHosted",
      persistent: true,
      group: "release-runners",
      labels: ["linux"],
    });
  });

  it("an unresolvable runs-on expression creates no runner and keeps the expression as the label", () => {
    const parsed = parseOk("on: workflow_call\njobs:\n  build:\n    runs-on: ${{ inputs.runner }}\n    steps:\n      - run: make\n");
    expect(parsed.document.nodes.some((node) => node.kind === "runner")).toBe(false);
    expect(parsed.context("build").attrs.runnerLabels).toEqual(["${{ inputs.runner }}"]);
  });

  it("matrix lists of label lists resolve to one runner per list; hosted entries make none", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    strategy:
      matrix:
        settings:
          - host: [self-hosted, macos]
          - host: [self-hosted, linux, gpu]
          - host: ubuntu-latest
    runs-on: \${{ matrix.settings.host }}
    steps:
      - run: make
`);
    const runners = parsed.document.nodes
      .filter((node) => node.kind === "runner")
      .map((node) => node.key)
      .sort();
    expect(runners).toEqual(["runner:acme/gpu,linux,self-hosted", "runner:acme/macos,self-hosted"]);
    expect(parsed.context("build").attrs.runnerLabels).toEqual(["self-hosted", "macos", "linux", "gpu", "ubuntu-latest"]);
  });

  it("a third-party hosted label is recorded but makes no runner node", () => {
    const parsed = parseOk("on: push\njobs:\n  build:\n    runs-on: blacksmith-4vcpu-ubuntu-2404\n    steps:\n      - run: make\n");
    expect(parsed.document.nodes.some((node) => node.kind === "runner")).toBe(false);
    expect(parsed.context("build").attrs.runnerLabels).toEqual(["blacksmith-4vcpu-ubuntu-2404"]);
  });
});

describe("actions", () => {
  it("local and docker actions make no action node; SHA pins are pinned, tags are not", () => {
    const parsed = parseOk(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ./.github/actions/setup
      - uses: docker://alpine:3.20
      - uses: github/codeql-action/init@${"a".repeat(40)}
      - uses: some-org/deploy@v3
`);
    expect(
      parsed.document.nodes
        .filter((node) => node.kind === "action")
        .map((node) => node.key)
        .sort(),
    ).toEqual(["action:github/codeql-action", "action:some-org/deploy"]);
    const attributes = (slug: string) => parsed.edges("USED_IN").find((edge) => edge.from === `action:${slug}`)?.attributes;
    expect(attributes("github/codeql-action")).toMatchObject({ pinned: true, firstParty: true, line: 9, uses: `github/codeql-action/init@${"a".repeat(40)}` });
    expect(attributes("some-org/deploy")).toMatchObject({ pinned: false, firstParty: false, ref: "v3", line: 10 });
  });
});

describe("document shape", () => {
  it("triggers come from string, list and map forms of `on`", () => {
    const triggers = (on: string) => parseOk(`${on}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n`).context("a").attrs.triggers;
    expect(triggers("on: push")).toEqual(["push"]);
    expect(triggers("on: [push, pull_request]")).toEqual(["push", "pull_request"]);
    expect(triggers("on:\n  release:\n    types: [published]\n  workflow_dispatch:")).toEqual(["release", "workflow_dispatch"]);
  });

  it("keys use the repository, or `local` when the file is not in a known repository", () => {
    const parsed = parseOk("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n", { repo: null, path: "ci.yml" });
    expect(parsed.document.key).toBe("workflow:local:ci.yml");
    expect(parsed.context("a").attrs).toMatchObject({ repo: null, workflow: "ci.yml", job: "a", file: "ci.yml", line: 3 });
    expect(parsed.node("secret:local:GITHUB_TOKEN@ci.yml/a")).toBeDefined();
  });

  it("a job's environment may be a name or a mapping with a name", () => {
    const parsed = parseOk(
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    environment:\n      name: production\n      url: https://example.com\n    steps:\n      - run: make\n",
    );
    expect(parsed.context("a").attrs.environment).toBe("production");
  });
});

describe("bad input", () => {
  const parse = (content: string) => parseWorkflow({ path: "ci.yml", content }, repo);

  it("malformed YAML is an error with its line", () => {
    const result = parse("on: push\njobs:\n  build:\n    runs-on: [ubuntu-latest\n    steps: []\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].file).toBe("ci.yml");
    expect(result.errors[0].line).toBeGreaterThanOrEqual(4);
    expect(result.errors[0].message).toMatch(/^invalid YAML/);
  });

  it("duplicate keys are an error at the duplicate's line", () => {
    const result = parse("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n  build:\n    runs-on: ubuntu-latest\n");
    expect(result).toMatchObject({ ok: false, errors: [{ file: "ci.yml", line: 5 }] });
  });

  it("an alias bomb is refused instead of expanded", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const result = parse(`${levels.join("\n")}\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toMatch(/alias/);
  });

  it("a YAML file that is not a workflow says what is missing", () => {
    expect(parse("name: x\njobs:\n  a: {}\n")).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/missing `on`/) }] });
    expect(parse("on: push\njobs: [a]\n")).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/`jobs` must be a mapping/) }] });
    expect(parse("- just\n- a list\n")).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });

  it("a job or step of the wrong shape is an error at its line", () => {
    expect(parse("on: push\njobs:\n  a: nope\n")).toMatchObject({ ok: false, errors: [{ line: 3, message: 'job "a" must be a mapping' }] });
    expect(parse("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: make\n      - just text\n")).toMatchObject({
      ok: false,
      errors: [{ line: 7, message: "jobs.a.steps[1] must be a mapping" }],
    });
  });
});

describe("isWorkflow", () => {
  it("recognises any YAML with top-level `on` and `jobs`", () => {
    expect(isWorkflow("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n")).toBe(true);
    expect(isWorkflow("name: not a workflow\nsteps: []\n")).toBe(false);
    expect(isWorkflow("{{ not yaml")).toBe(false);
  });

  it("accepts a document parsed by a YAML 1.1 parser, where `on` became the key true", () => {
    expect(isWorkflow({ true: { push: null }, jobs: { a: {} } })).toBe(true);
    expect(isWorkflow({ on: "push", jobs: { a: {} } })).toBe(true);
    expect(isWorkflow({ jobs: { a: {} } })).toBe(false);
    expect(isWorkflow(null)).toBe(false);
  });
});
