import { describe, expect, it } from "vitest";
import { findInstallCommands, parsePackageArgument } from "./install-steps";

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

describe("what an install fetches", () => {
  const first = (script: string, base = "") => findInstallCommands(script, base)[0];

  it("lockfile installs read their directory's lockfile and resolve nothing fresh", () => {
    for (const script of ["npm ci", "npm install", "npm i", "pnpm install", "pnpm i", "yarn", "yarn install", "bun install"]) {
      expect(first(script), script).toMatchObject({ lockfile: true, fresh: false, packages: [], runs: false, directory: "" });
    }
  });

  it("npx runs a fresh package: the version written, or latest when none is", () => {
    expect(first("npx vercel@33.1.0 deploy --prod")).toMatchObject({
      lockfile: false,
      fresh: true,
      runs: true,
      packages: [{ name: "vercel", spec: "33.1.0" }],
    });
    expect(first("npx vercel@latest deploy").packages).toEqual([{ name: "vercel", spec: "latest" }]);
    expect(first("npx --yes vercel deploy").packages).toEqual([{ name: "vercel", spec: "latest" }]);
    expect(first("npx @nx/workspace@21.5.0 migrate").packages).toEqual([{ name: "@nx/workspace", spec: "21.5.0" }]);
    expect(first("npx @nx/workspace migrate").packages).toEqual([{ name: "@nx/workspace", spec: "latest" }]);
    expect(first("npx semver@^7 --help").packages).toEqual([{ name: "semver", spec: "^7" }]);
  });

  it("`npx -p pkg cmd` and `--package=pkg` fetch the named package, not the command", () => {
    expect(first("npx -p @angular/cli@17 ng build").packages).toEqual([{ name: "@angular/cli", spec: "17" }]);
    expect(first("npm exec --package=typescript@5.4.5 -- tsc -p .").packages).toEqual([{ name: "typescript", spec: "5.4.5" }]);
  });

  it("every runner form runs the package it fetches", () => {
    for (const script of ["npm exec cowsay", "pnpm dlx cowsay", "pnpx cowsay", "yarn dlx cowsay", "bunx cowsay", "bun x cowsay"]) {
      expect(first(script), script).toMatchObject({ fresh: true, runs: true, lockfile: false, packages: [{ name: "cowsay", spec: "latest" }] });
    }
  });

  it("global installs resolve fresh and do not run the tool in the step", () => {
    for (const script of [
      "npm i -g pnpm@9.1.0",
      "npm install --global pnpm@9.1.0",
      "npm install --location=global pnpm@9.1.0",
      "pnpm add -g pnpm@9.1.0",
      "yarn global add pnpm@9.1.0",
    ]) {
      expect(first(script), script).toMatchObject({ fresh: true, runs: false, lockfile: false, packages: [{ name: "pnpm", spec: "9.1.0" }] });
    }
  });

  it("`npm install <pkg>` in a project installs the lockfile and resolves the named package fresh", () => {
    expect(first("npm install left-pad@1.3.0 --no-save")).toMatchObject({
      lockfile: true,
      fresh: true,
      runs: false,
      packages: [{ name: "left-pad", spec: "1.3.0" }],
    });
    expect(first("npm ci")).toMatchObject({ lockfile: true, fresh: false });
  });

  it("git URLs, paths and tarballs are not registry packages: the install is kept without a package", () => {
    expect(first("npm i -g git+https://github.com/acme/tool.git")).toMatchObject({ fresh: true, packages: [] });
    expect(first("npm i -g ./tools/cli")).toMatchObject({ fresh: true, packages: [] });
    expect(first("npx github:acme/tool")).toMatchObject({ fresh: true, packages: [] });
    expect(first("npm i -g acme/tool")).toMatchObject({ fresh: true, packages: [] });
    expect(first("npm i -g ./dist/tool-1.0.0.tgz")).toMatchObject({ fresh: true, packages: [] });
    expect(parsePackageArgument("alias@npm:real-pkg@2.0.0")).toEqual({ name: "real-pkg", spec: "2.0.0" });
  });

  it("a GitHub expression is one word, even with spaces in it", () => {
    expect(first("npm i -g turbo@${{ env.TURBO_VERSION }}").packages).toEqual([{ name: "turbo", spec: "${{ env.TURBO_VERSION }}" }]);
  });

  it("`cd dir &&` and --prefix, -C, --dir, --cwd move the install's directory from the step's", () => {
    expect(first("cd web && npm ci").directory).toBe("web");
    expect(first("cd ./web/ && npm ci", "apps").directory).toBe("apps/web");
    expect(findInstallCommands("cd web\nnpm ci\ncd ..\nnpm ci").map((found) => found.directory)).toEqual(["web", ""]);
    expect(first("npm ci --prefix packages/app").directory).toBe("packages/app");
    expect(first("npm --prefix=./site/ ci").directory).toBe("site");
    expect(first("pnpm -C docs install").directory).toBe("docs");
    expect(first("pnpm install --dir docs").directory).toBe("docs");
    expect(first("yarn --cwd web install").directory).toBe("web");
    expect(first("cd $GITHUB_WORKSPACE/tools && npm ci", "web").directory).toBe("tools");
    expect(first("npm ci", "${{ matrix.dir }}").directory).toBe("${{ matrix.dir }}");
  });

  it("`npx --no-install` only runs what is already installed", () => {
    expect(findInstallCommands("npx --no-install eslint .")).toEqual([]);
  });
});
