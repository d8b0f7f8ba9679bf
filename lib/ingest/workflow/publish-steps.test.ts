import { describe, expect, it } from "vitest";
import { findPublishCommands, npmrcTokenSecrets, publishByAction, registryTokenSecrets } from "./publish-steps";

const tools = (script: string) => findPublishCommands(script).map((found) => [found.tool, found.recursive, found.directory]);

describe("findPublishCommands", () => {
  it("finds npm, pnpm and yarn publishes, recursive when they publish every workspace package", () => {
    expect(tools("npm publish --access public")).toEqual([["npm", false, ""]]);
    expect(tools("npm publish --workspaces")).toEqual([["npm", true, ""]]);
    expect(tools("pnpm publish -r --no-git-checks")).toEqual([["pnpm", true, ""]]);
    expect(tools("pnpm -r publish")).toEqual([["pnpm", true, ""]]);
    expect(tools("yarn npm publish")).toEqual([["yarn", false, ""]]);
    expect(tools("yarn publish --new-version 1.0.0")).toEqual([["yarn", false, ""]]);
  });

  it("finds changesets, lerna and semantic-release however they are started", () => {
    expect(tools("npx changeset publish")).toEqual([["changesets", true, ""]]);
    expect(tools("pnpm changeset publish")).toEqual([["changesets", true, ""]]);
    expect(tools("yarn exec changeset publish")).toEqual([["changesets", true, ""]]);
    expect(tools("npx lerna publish from-package --yes")).toEqual([["lerna", true, ""]]);
    expect(tools("npx semantic-release@24")).toEqual([["semantic-release", false, ""]]);
  });

  it("does not take a flag's value for the folder, and reads the folder, `cd` and --prefix", () => {
    expect(tools("npm publish --tag next")).toEqual([["npm", false, ""]]);
    expect(tools("npm publish ./dist")).toEqual([["npm", false, "dist"]]);
    expect(tools("cd packages/core && npm publish --provenance")).toEqual([["npm", false, "packages/core"]]);
    expect(findPublishCommands("cd packages/core && npm publish --provenance")[0].provenance).toBe(true);
    expect(findPublishCommands("npm publish", "web")[0].directory).toBe("web");
  });

  it("does not count commands that are not publishes", () => {
    expect(findPublishCommands("npm run publish-docs\nnpm pack\nnpx changeset version\necho npm publish")).toEqual([]);
  });
});

describe("publishing actions and registry tokens", () => {
  it("changesets/action publishes only when given a publish command; its publish sub-action always does", () => {
    expect(publishByAction("changesets/action@v1", {})).toBeNull();
    expect(publishByAction("changesets/action@v1", { publish: "yarn release" })).toMatchObject({
      tool: "changesets",
      recursive: true,
      command: "yarn release",
    });
    expect(publishByAction(`changesets/action/publish@${"a".repeat(40)}`, {})).toMatchObject({ tool: "changesets", recursive: true });
  });

  it("JS-DevTools/npm-publish takes its token from `with.token` and its package from `with.package`", () => {
    expect(
      publishByAction("JS-DevTools/npm-publish@v3", { token: "${{ secrets.NPM_TOKEN }}", package: "packages/core/package.json", provenance: true }),
    ).toMatchObject({
      tool: "npm",
      directory: "packages/core",
      provenance: true,
      tokenInputs: ["${{ secrets.NPM_TOKEN }}"],
    });
  });

  it("registry tokens are NODE_AUTH_TOKEN, NPM_TOKEN and NPM_AUTH_TOKEN; other variables are not", () => {
    expect(registryTokenSecrets({ NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}", NPM_AUTH_TOKEN: "${{ secrets.B }}", SLACK: "${{ secrets.SLACK }}" })).toEqual([
      "NPM_TOKEN",
      "B",
    ]);
  });

  it("an .npmrc `_authToken` names its secret directly or through a variable of the step", () => {
    expect(npmrcTokenSecrets('echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_PUBLISH }}" > ~/.npmrc', {})).toEqual(["NPM_PUBLISH"]);
    expect(npmrcTokenSecrets('echo "//registry.npmjs.org/:_authToken=${TOKEN}" >> .npmrc', { TOKEN: "${{ secrets.RELEASE_TOKEN }}" })).toEqual([
      "RELEASE_TOKEN",
    ]);
  });
});
