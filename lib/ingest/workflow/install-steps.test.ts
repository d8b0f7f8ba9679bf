import { describe, expect, it } from "vitest";
import { findInstallCommands } from "./install-steps";

const managers = (script: string) => findInstallCommands(script).map((found) => `${found.manager}: ${found.command}`);

describe("findInstallCommands", () => {
  it("finds npm, yarn, pnpm and bun installs, including global ones and short forms", () => {
    expect(managers("npm ci")).toEqual(["npm: npm ci"]);
    expect(managers("npm i -g vercel@latest")).toEqual(["npm: npm i -g vercel@latest"]);
    expect(managers("yarn")).toEqual(["yarn: yarn"]);
    expect(managers("yarn --frozen-lockfile")).toEqual(["yarn: yarn --frozen-lockfile"]);
    expect(managers("pnpm i")).toEqual(["pnpm: pnpm i"]);
    expect(managers("pnpm --filter web install")).toEqual(["pnpm: pnpm --filter web install"]);
    expect(managers("bun install")).toEqual(["bun: bun install"]);
  });

  it("counts npx and its siblings: running a package installs it and runs its scripts", () => {
    expect(managers("npx hereby LKG")).toEqual(["npx: npx hereby LKG"]);
    expect(managers("npm exec -- eslint .")).toEqual(["npx: npm exec -- eslint ."]);
    expect(managers("pnpm dlx create-vite")).toEqual(["pnpm: pnpm dlx create-vite"]);
  });

  it("does not count commands that only run scripts or configure the manager", () => {
    expect(managers("npm run build\nnpm test\nnpm publish\nyarn build\npnpm run lint\nyarn config set x y\nnpm --version")).toEqual([]);
  });

  it("splits `&&` chains, `;` and pipes, follows line continuations and ignores comments", () => {
    const script = "set -e && npm ci && npm test\n# npm install is not run here\necho hi; pnpm install \\\n  --frozen-lockfile # npm i\n";
    expect(managers(script)).toEqual(["npm: npm ci", "pnpm: pnpm install --frozen-lockfile"]);
  });

  it("skips env assignments and sudo before the command, and reads --ignore-scripts", () => {
    const [found] = findInstallCommands("CI=1 sudo npm install --location=global --ignore-scripts pnpm@8");
    expect(found).toMatchObject({ manager: "npm", ignoreScripts: true, command: "npm install --location=global --ignore-scripts pnpm@8" });
    expect(findInstallCommands("npm ci")[0].ignoreScripts).toBe(false);
  });

  it("reports where in the script each command starts", () => {
    const script = "echo one\n  npm ci\n";
    expect(findInstallCommands(script)[0].index).toBe(script.indexOf("npm ci"));
  });
});
