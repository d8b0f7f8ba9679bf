import { readdirSync } from "node:fs";
import { realFixturesAbsent } from "@/test/fixture-tree";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWorkflow } from "./parse-workflow";
import { parseOk, readRealWorkflow, REAL_WORKFLOWS } from "./workflow-test-kit";

// Real public workflows (shared/fixtures/real/SOURCES.md explains why each one is interesting).

const realFixtures = realFixturesAbsent() ? [] : readdirSync(REAL_WORKFLOWS, { recursive: true, encoding: "utf8" }).filter((file) => /\.ya?ml$/.test(file));

const parseFixture = (fixture: string, repo: string) => parseOk(readRealWorkflow(fixture), { repo, path: `.github/workflows/${path.basename(fixture)}` });

const usedIn = (parsed: ReturnType<typeof parseOk>, action: string, job: string) =>
  parsed.edges("USED_IN").find((edge) => edge.from === `action:${action}` && edge.to === parsed.contextKeyOf(job));

describe.skipIf(realFixturesAbsent())("real workflows", () => {
  it("there are real workflow fixtures to read", () => {
    expect(realFixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(realFixtures)("%s parses without errors into one valid workflow document", (fixture) => {
    const repo = path.dirname(fixture).replace("__", "/");
    const result = parseWorkflow(
      { path: `.github/workflows/${path.basename(fixture)}`, content: readRealWorkflow(fixture) },
      { repo, npmrcIgnoresScripts: false },
    );
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    expect(result.documents[0].key).toBe(`workflow:${repo}:.github/workflows/${path.basename(fixture)}`);
    expect(result.documents[0].format).toBe("workflow");
    expect(result.documents[0].nodes.some((node) => node.kind === "context")).toBe(true);
  });

  it("next.js: matrix host lists and literal label lists become persistent self-hosted runners shared by their jobs", () => {
    const parsed = parseFixture("vercel__next.js/build_and_deploy.yml", "vercel/next.js");
    const runners = parsed.document.nodes
      .filter((node) => node.kind === "runner")
      .map((node) => node.key)
      .sort();
    expect(runners).toEqual(["runner:vercel/arm64,macos,self-hosted", "runner:vercel/linux,metal,self-hosted,x64", "runner:vercel/self-hosted,windows,x64"]);
    const linux = parsed.node("runner:vercel/linux,metal,self-hosted,x64");
    expect(linux?.attrs).toMatchObject({ hosting: "selfHosted", persistent: true, shared: true, labels: ["self-hosted", "linux", "x64", "metal"] });
    const runsOn = (job: string) =>
      parsed
        .edges("RUNS_ON")
        .filter((edge) => edge.from === parsed.contextKeyOf(job))
        .map((edge) => edge.to)
        .sort();
    expect(runsOn("build-native")).toEqual(runners);
    expect(runsOn("build-wasm")).toEqual(["runner:vercel/linux,metal,self-hosted,x64"]);
    expect(runsOn("releaseStats")).toEqual(["runner:vercel/linux,metal,self-hosted,x64"]);
    // hosted jobs get no runner node, only their label
    expect(runsOn("publishRelease")).toEqual([]);
    expect(parsed.context("publishRelease").attrs.runnerLabels).toEqual(["ubuntu-latest"]);
  });

  it("next.js: publishRelease reads NPM_TOKEN_ELEVATED from job env during `npm i -g`, with id-token write", () => {
    const parsed = parseFixture("vercel__next.js/build_and_deploy.yml", "vercel/next.js");
    const publish = parsed.context("publishRelease");
    expect(publish.attrs.tokenPermissions).toMatchObject({ contents: "write", "id-token": "write", packages: "none" });
    expect(publish.attrs.canMintOidc).toBe(true);
    // a global install resolves npm@10.4.0 fresh from the registry; it reads no lockfile
    expect(publish.attrs.installSteps).toEqual([
      {
        line: 560,
        command: "npm i -g npm@10.4.0",
        manager: "npm",
        ignoreScripts: false,
        installs: "fresh",
        directory: "",
        packages: [{ name: "npm", spec: "10.4.0" }],
        step: "#7",
        secrets: ["NPM_TOKEN_ELEVATED"],
      },
    ]);
    const npmToken = parsed.exposure("publishRelease", "NPM_TOKEN_ELEVATED");
    expect(npmToken?.exposure).toBe("install");
    expect(npmToken?.attributes).toMatchObject({ via: ["job-env"], line: 523 });
    expect(parsed.node("secret:vercel/next.js:NPM_TOKEN_ELEVATED")?.attrs).toMatchObject({ secretType: "npm-token", storedIn: "ciSecret" });
    // the release bot token is only in a later step's env: reachable by what the install planted
    expect(parsed.exposure("publishRelease", "RELEASE_BOT_GITHUB_TOKEN")?.exposure).toBe("job");
    // no other job sees the publish token
    expect(
      parsed
        .edges("EXPOSES")
        .filter((edge) => edge.to === "secret:vercel/next.js:NPM_TOKEN_ELEVATED")
        .map((edge) => edge.from),
    ).toEqual([parsed.contextKeyOf("publishRelease")]);
  });

  it("next.js: a secret of a job on the shared self-hosted runner is exposed to the runner and to the other jobs on it", () => {
    const parsed = parseFixture("vercel__next.js/build_and_deploy.yml", "vercel/next.js");
    const stats = "secret:vercel/next.js:PR_STATS_COMMENT_TOKEN";
    const linux = "runner:vercel/linux,metal,self-hosted,x64";
    const toStats = parsed.edges("EXPOSES").filter((edge) => edge.to === stats);
    expect(toStats.find((edge) => edge.from === linux)?.exposure).toBe("runner");
    expect(toStats.find((edge) => edge.from === parsed.contextKeyOf("build-wasm"))?.exposure).toBe("runner");
    expect(toStats.find((edge) => edge.from === parsed.contextKeyOf("releaseStats"))?.exposure).toBe("job");
    // a job on GitHub-hosted runners shares nothing
    expect(toStats.find((edge) => edge.from === parsed.contextKeyOf("deployExamples"))).toBeUndefined();
  });

  it("next.js: installs hidden behind `run: ${{ matrix.settings.build }}` are found", () => {
    const parsed = parseFixture("vercel__next.js/build_and_deploy.yml", "vercel/next.js");
    const commands = parsed.context("build-native").attrs.installSteps?.map((step) => step.command) ?? [];
    expect(commands).toContain('npm i -g "@napi-rs/cli@${NAPI_CLI_VERSION}" "turbo@${TURBO_VERSION}"');
  });

  it("nx: job-level NODE_AUTH_TOKEN with `pnpm install --frozen-lockfile` is an install exposure; tag- and branch-pinned actions are unpinned", () => {
    const parsed = parseFixture("nrwl__nx/publish.yml", "nrwl/nx");
    expect(parsed.context("publish").attrs.triggers).toEqual(["schedule", "workflow_dispatch", "release"]);
    expect(parsed.exposure("publish", "NPM_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["job-env"], line: 385 } });
    expect(parsed.context("publish").attrs.installSteps?.[0]).toMatchObject({
      line: 406,
      command: "pnpm install --frozen-lockfile",
      manager: "pnpm",
      ignoreScripts: false,
      installs: "lockfile",
      directory: "",
    });
    expect(parsed.context("publish").attrs.installSteps?.[0].secrets).toContain("NPM_TOKEN");
    expect(parsed.context("publish").attrs.canMintOidc).toBe(true);
    // the first job holds the same token but installs nothing
    expect(parsed.exposure("resolve-required-data", "NPM_TOKEN")?.exposure).toBe("job");
    expect(usedIn(parsed, "dtolnay/rust-toolchain", "build")?.attributes).toMatchObject({ ref: "stable", pinned: false, firstParty: false });
    expect(usedIn(parsed, "goto-bus-stop/setup-zig", "build")?.attributes).toMatchObject({ ref: "v2", pinned: false });
    expect(usedIn(parsed, "addnab/docker-run-action", "build")?.attributes).toMatchObject({ ref: "v3", pinned: false });
    expect(usedIn(parsed, "cross-platform-actions/action", "build-freebsd")?.attributes).toMatchObject({ ref: "v0.22.0", pinned: false });
    expect(usedIn(parsed, "actions/checkout", "publish")?.attributes).toMatchObject({ firstParty: true, pinned: false });
    // matrix hosts are all GitHub-hosted: no runner nodes
    expect(parsed.document.nodes.some((node) => node.kind === "runner")).toBe(false);
    expect(parsed.context("build").attrs.runnerLabels?.sort()).toEqual(["macos-13", "ubuntu-latest", "windows-latest"]);
  });

  it("nx: the FreeBSD job's installs all ignore scripts", () => {
    const parsed = parseFixture("nrwl__nx/publish.yml", "nrwl/nx");
    const freebsd = parsed.context("build-freebsd").attrs;
    expect(freebsd.installSteps?.map((step) => step.ignoreScripts)).toEqual([true, true]);
    expect(freebsd.ignoresScripts).toBe(true);
  });

  it("TypeScript: step-level NODE_AUTH_TOKEN from lowercase `secrets.npm_token` on the npm ci step, SHA-pinned actions, contents: read", () => {
    const parsed = parseFixture("microsoft__TypeScript/nightly.yaml", "microsoft/TypeScript");
    expect(parsed.secretNames()).toEqual(["NPM_TOKEN"]);
    expect(parsed.exposure("publish", "NPM_TOKEN")).toMatchObject({
      exposure: "install",
      attributes: { via: ["step-env"], line: 65, step: "Setup and publish nightly" },
    });
    expect(parsed.exposure("test", "NPM_TOKEN")).toBeUndefined();
    const permissions = parsed.context("publish").attrs.tokenPermissions;
    expect(permissions?.contents).toBe("read");
    expect(Object.entries(permissions ?? {}).filter(([, level]) => level !== "none")).toEqual([["contents", "read"]]);
    expect(usedIn(parsed, "actions/checkout", "publish")?.attributes).toMatchObject({ pinned: true, ref: "eef61447b9ff4aafe5dcd4e0bbf5d482be7e7871" });
    const canAccess = parsed.edges("CAN_ACCESS").find((edge) => edge.from === "identity:github-token:microsoft/TypeScript/nightly.yaml/publish");
    expect(canAccess).toMatchObject({ to: "system:github:microsoft", privilege: "read" });
  });

  it("react: a reusable workflow's workflow-level NPM_TOKEN reaches `yarn install` scripts", () => {
    const parsed = parseFixture("facebook__react/runtime_prereleases.yml", "facebook/react");
    const job = parsed.context("publish_prerelease");
    expect(job.attrs.triggers).toEqual(["workflow_call"]);
    // the second install runs in scripts/release (working-directory), a separate install
    expect(job.attrs.installSteps?.map((step) => [step.line, step.command])).toEqual([
      [44, "yarn install --frozen-lockfile"],
      [45, "yarn install --frozen-lockfile"],
    ]);
    expect(parsed.exposure("publish_prerelease", "NPM_TOKEN")).toMatchObject({ exposure: "install", attributes: { via: ["workflow-env"], line: 25 } });
    // `GH_TOKEN: ${{ github.token }}` in workflow env puts the job's own token there too
    expect(parsed.exposure("publish_prerelease", "GITHUB_TOKEN")?.attributes).toMatchObject({ via: ["GITHUB_TOKEN", "workflow-env"] });
  });

  it("react nightly: the caller passes NPM_TOKEN through an explicit `secrets:` mapping to a branch-pinned reusable workflow", () => {
    const sameRepo = parseFixture("facebook__react/runtime_prereleases_nightly.yml", "facebook/react");
    for (const job of ["publish_prerelease_canary", "publish_prerelease_experimental"]) {
      expect(sameRepo.exposure(job, "NPM_TOKEN")).toMatchObject({
        exposure: "job",
        attributes: { via: ["reusable-workflow"], calls: "facebook/react/.github/workflows/runtime_prereleases.yml@main" },
      });
      expect(sameRepo.context(job).attrs.runnerLabels).toEqual([]);
    }
    expect(sameRepo.exposure("publish_prerelease_canary", "GITHUB_TOKEN")?.attributes).toMatchObject({
      calls: "facebook/react/.github/workflows/runtime_prereleases.yml@main",
    });
    // called from its own repository it is not a third-party action
    expect(sameRepo.document.nodes.some((node) => node.kind === "action")).toBe(false);
    // seen from any other repository (a fork, a copy) it is a third party pinned to a branch
    const elsewhere = parseFixture("facebook__react/runtime_prereleases_nightly.yml", "acme/web");
    expect(usedIn(elsewhere, "facebook/react", "publish_prerelease_canary")?.attributes).toMatchObject({
      uses: "facebook/react/.github/workflows/runtime_prereleases.yml@main",
      ref: "main",
      pinned: false,
      reusableWorkflow: true,
    });
  });

  it("prisma pr-code-security: `secrets: inherit` to a cross-repo reusable workflow, and a container job", () => {
    const parsed = parseFixture("prisma__prisma/pr-code-security.yml", "prisma/prisma");
    expect(usedIn(parsed, "prisma/.github", "secret-detection")?.attributes).toMatchObject({
      ref: "main",
      pinned: false,
      reusableWorkflow: true,
      inheritsAllSecrets: true,
    });
    expect(parsed.context("secret-detection").attrs.tokenPermissions).toMatchObject({ contents: "read", "pull-requests": "write" });
    expect(parsed.context("code-scanning").attrs.triggers).toEqual(["pull_request"]);
    expect(parsed.context("code-scanning").attrs.untrustedCode).toBe(false);
    expect(usedIn(parsed, "reviewdog/action-setup", "code-scanning")?.attributes).toMatchObject({ pinned: true, firstParty: false });
    // REVIEWDOG_GITHUB_API_TOKEN is the built-in token, not a repository secret
    expect(parsed.secretNames()).toEqual([]);
    expect(parsed.exposure("code-scanning", "GITHUB_TOKEN")?.attributes).toMatchObject({ via: ["GITHUB_TOKEN", "step-env"] });
  });

  it("prisma publish: OIDC trusted publishing and no npm token (NODE_AUTH_TOKEN appears only in a comment)", () => {
    const parsed = parseFixture("prisma__prisma/publish.yml", "prisma/prisma");
    const publish = parsed.context("publish");
    expect(publish.attrs.canMintOidc).toBe(true);
    expect(parsed.secretNames()).toEqual(["PRISMA_CLI_DISPATCH_PAT"]);
    expect(parsed.node("secret:prisma/prisma:NODE_AUTH_TOKEN")).toBeUndefined();
    expect(parsed.node("secret:prisma/prisma:PRISMA_CLI_DISPATCH_PAT")?.attrs).toMatchObject({ secretType: "github-pat" });
    expect(parsed.exposure("publish", "PRISMA_CLI_DISPATCH_PAT")).toMatchObject({ exposure: "job", attributes: { step: "Notify prisma-cli", line: 239 } });
    expect(usedIn(parsed, "jdx/mise-action", "publish")?.attributes).toMatchObject({ pinned: true, firstParty: false });
    // pnpm install runs scripts, so the job's own write token is within their reach
    expect(parsed.exposure("publish", "GITHUB_TOKEN")?.exposure).toBe("install");
  });

  it("pnpm update-latest: step-level NPM_TOKEN, `permissions: {}`, a third-party runner label and environment release", () => {
    const parsed = parseFixture("pnpm__pnpm/update-latest.yml", "pnpm/pnpm");
    const tag = parsed.context("tag-in-registry");
    expect(tag.attrs.environment).toBe("release");
    expect(tag.attrs.runnerLabels).toEqual(["blacksmith-4vcpu-ubuntu-2404"]);
    expect(Object.values(tag.attrs.tokenPermissions ?? { x: "unknown" }).every((level) => level === "none")).toBe(true);
    expect(parsed.exposure("tag-in-registry", "NPM_TOKEN")).toMatchObject({
      exposure: "job",
      attributes: { via: ["step-env"], step: "Update tag", line: 213 },
    });
    expect(parsed.document.nodes.some((node) => node.kind === "runner")).toBe(false);
    // the job that runs the release holds no secrets (pnpm's own design), only its own token
    expect(
      parsed
        .edges("EXPOSES")
        .filter((edge) => edge.from === parsed.contextKeyOf("verify-upgrade"))
        .map((edge) => edge.to),
    ).toEqual(["secret:pnpm/pnpm:GITHUB_TOKEN@update-latest.yml/verify-upgrade"]);
    expect(parsed.secretNames()).toEqual([
      "GARNET_API_TOKEN",
      "MASTODON_ACCESS_TOKEN",
      "NPM_TOKEN",
      "REDDIT_APP_ID",
      "REDDIT_APP_SECRET",
      "REDDIT_PASSWORD",
      "REDDIT_USERNAME",
      "WINGET_TOKEN",
    ]);
    const canAccess = parsed.edges("CAN_ACCESS").find((edge) => edge.from === "identity:github-token:pnpm/pnpm/update-latest.yml/tag-in-registry");
    expect(canAccess?.privilege).toBe("read");
  });

  it("changesets: step env NPM_TOKEN for tag-pinned changesets/action@v1", () => {
    const parsed = parseFixture("changesets__changesets/changeset-version.yml", "changesets/changesets");
    expect(parsed.exposure("release", "NPM_TOKEN")).toMatchObject({ exposure: "job", attributes: { via: ["step-env"], line: 38 } });
    expect(usedIn(parsed, "changesets/action", "release")?.attributes).toMatchObject({
      uses: "changesets/action@v1",
      ref: "v1",
      pinned: false,
      firstParty: false,
    });
    expect(parsed.context("release").attrs.canMintOidc).toBe(true);
  });

  it("changesets publish: `$/.github/actions/ci-setup` is local, sub-path actions share their repository's node", () => {
    const parsed = parseFixture("changesets__changesets/publish.yml", "changesets/changesets");
    const actions = parsed.document.nodes
      .filter((node) => node.kind === "action")
      .map((node) => node.key)
      .sort();
    expect(actions).toEqual(["action:actions/create-github-app-token", "action:changesets/action"]);
    expect(usedIn(parsed, "changesets/action", "publish")?.attributes).toMatchObject({
      uses: "changesets/action/publish@22ccf9aa43179fe9e27dc62e575971d28cce197c",
      pinned: true,
    });
    expect(parsed.context("publish").attrs.environment).toBe("npm");
    expect(parsed.exposure("version", "APP_PRIVATE_KEY")).toMatchObject({ exposure: "job", attributes: { via: ["with"] } });
  });

  it("openai-node: `secrets.A || secrets.B` exposes both, and no permissions block means unknown (assumed write) token", () => {
    const parsed = parseFixture("openai__openai-node/publish-npm.yml", "openai/openai-node");
    expect(parsed.secretNames()).toEqual(["NPM_TOKEN", "OPENAI_NPM_TOKEN"]);
    for (const name of ["NPM_TOKEN", "OPENAI_NPM_TOKEN"]) {
      expect(parsed.exposure("publish", name)).toMatchObject({ exposure: "job", attributes: { via: ["step-env"], line: 29, step: "Publish to NPM" } });
    }
    const publish = parsed.context("publish");
    expect(publish.attrs.tokenPermissions).toBeNull();
    expect(publish.attrs.environment).toBe("publish");
    expect(publish.attrs.installSteps).toEqual([
      {
        line: 23,
        command: "yarn install",
        manager: "yarn",
        ignoreScripts: false,
        installs: "lockfile",
        directory: "",
        step: "Install dependencies",
        secrets: [],
      },
    ]);
    const canAccess = parsed.edges("CAN_ACCESS").find((edge) => edge.from === "identity:github-token:openai/openai-node/publish-npm.yml/publish");
    expect(canAccess).toMatchObject({ privilege: "write", attributes: { assumed: true } });
  });

  it("vite: tj-actions/changed-files pinned by SHA, mixed pins, pull_request triggers that are not untrusted", () => {
    const parsed = parseFixture("vitejs__vite/ci.yml", "vitejs/vite");
    expect(usedIn(parsed, "tj-actions/changed-files", "changed")?.attributes).toMatchObject({
      ref: "dcc7a0cba800f454d79fff4b993e8c3555bcc0a8",
      pinned: true,
      firstParty: false,
      line: 51,
    });
    expect(usedIn(parsed, "pnpm/action-setup", "test")?.attributes).toMatchObject({ ref: "v4.1.0", pinned: false });
    expect(usedIn(parsed, "actions/checkout", "changed")?.attributes).toMatchObject({ ref: "v4", pinned: false });
    const changed = parsed.context("changed");
    expect(changed.attrs.triggers).toEqual(["push", "pull_request", "workflow_dispatch"]);
    expect(changed.attrs.untrustedCode).toBe(false);
    expect(parsed.context("test").attrs.runnerLabels?.sort()).toEqual(["macos-latest", "ubuntu-latest", "windows-latest"]);
    expect(parsed.secretNames()).toEqual([]);
  });

  it("next.js: `npm i -g npm@10.4.0` installs that exact version in publishRelease; `npx @datadog/datadog-ci@2.23.1` runs it", () => {
    const parsed = parseFixture("vercel__next.js/build_and_deploy.yml", "vercel/next.js");
    const installed = (from: string, job: string) => parsed.edges("INSTALLED_IN").find((edge) => edge.from === from && edge.to === parsed.contextKeyOf(job));
    expect(installed("pkg:npm/npm@10.4.0", "publishRelease")?.attributes).toMatchObject({ resolve: "fresh", spec: "10.4.0", runs: false, line: 560 });
    expect(installed("pkg:npm/%40datadog/datadog-ci@2.23.1", "upload_turbopack_bytesize")?.attributes).toMatchObject({ runs: true });
    // `vercel@latest` is whatever the registry serves: the package, not a version
    expect(installed("pkg:npm/vercel", "deployExamples")?.attributes).toMatchObject({ spec: "latest", runs: false });
    // an expression in the spec stays one word
    expect(installed("pkg:npm/turbo", "build-wasm")?.attributes).toMatchObject({ spec: "${{ env.TURBO_VERSION }}" });
  });

  it("react: the second install runs in scripts/release (its working-directory)", () => {
    const parsed = parseFixture("facebook__react/runtime_prereleases.yml", "facebook/react");
    expect(parsed.context("publish_prerelease").attrs.installSteps?.map((step) => step.directory)).toEqual(["", "scripts/release"]);
  });

  it("TypeScript: `npm publish --tag next` is a publish with the NPM_TOKEN of its step", () => {
    const parsed = parseFixture("microsoft__TypeScript/nightly.yaml", "microsoft/TypeScript");
    expect(parsed.context("publish").attrs.publishSteps).toEqual([
      {
        line: 63,
        command: "npm publish --tag next",
        tool: "npm",
        directory: "",
        recursive: false,
        secrets: ["NPM_TOKEN"],
        provenance: false,
        trustedPublishing: false,
      },
    ]);
    expect(parsed.context("test").attrs.publishSteps).toEqual([]);
  });

  it("changesets: changesets/action publishes recursively with NPM_TOKEN; the publish sub-action uses trusted publishing and no secret", () => {
    const version = parseFixture("changesets__changesets/changeset-version.yml", "changesets/changesets");
    expect(version.context("release").attrs.publishSteps).toMatchObject([
      { tool: "changesets", recursive: true, command: "yarn release", secrets: ["NPM_TOKEN"], trustedPublishing: true },
    ]);
    const publish = parseFixture("changesets__changesets/publish.yml", "changesets/changesets");
    expect(publish.context("publish").attrs.publishSteps).toMatchObject([
      { tool: "changesets", recursive: true, secrets: [], trustedPublishing: true, line: 121 },
    ]);
  });

  it("prisma: a container job's image and a reusable workflow call are recorded on the job", () => {
    const parsed = parseFixture("prisma__prisma/pr-code-security.yml", "prisma/prisma");
    expect(parsed.context("code-scanning").attrs.containerImages).toEqual(["semgrep/semgrep:1.147.0"]);
    expect(parsed.context("secret-detection").attrs.calls).toEqual(["prisma/.github/.github/workflows/secret_detection.yml@main"]);
  });
});
