import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LockfileInstall, ParsedLockfile } from "../npm-lockfile/parse-npm-lockfile";
import { packageKey, packageVersionKey } from "@/lib/graph-keys/refs";
import { parsePnpmKey, parsePnpmLockfile, type PnpmLockfileOptions } from "./parse-pnpm-lockfile";
import { REAL_FIXTURES } from "@/test/fixture-tree";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name, "pnpm-lock.yaml"), "utf8");

function read(name: string, options?: PnpmLockfileOptions): ParsedLockfile {
  const parsed = parsePnpmLockfile(`${name}/pnpm-lock.yaml`, fixture(name), options);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lockfile;
}
const install = (lockfile: ParsedLockfile, name: string, version: string): LockfileInstall | undefined =>
  lockfile.installs.find((entry) => entry.versionKey === packageVersionKey("npm", name, version));

describe("parsePnpmLockfile", () => {
  it("reads v6 and v9 keys, scoped names and peer suffixes as name and version", () => {
    expect(parsePnpmKey("/@ctrl/tinycolor@4.3.0")).toEqual({ name: "@ctrl/tinycolor", version: "4.3.0" });
    expect(parsePnpmKey("use-sync-external-store@1.7.0(react@19.3.1)")).toEqual({ name: "use-sync-external-store", version: "1.7.0" });
    expect(parsePnpmKey("/ms@2.1.3(a@1)(b@2)")).toEqual({ name: "ms", version: "2.1.3" });
    expect(parsePnpmKey("not-a-key")).toBeNull();
  });

  it("lists every version of a pnpm 8 lockfile (v6.0) with purl keys, and requiresBuild as an install script", () => {
    const lockfile = read("v6-install-script");
    expect(lockfile.lockfileVersion).toBe(6);
    expect(lockfile.installs.map((entry) => `${entry.name}@${entry.version}`).sort()).toEqual([
      "@ctrl/tinycolor@4.3.0",
      "core-js@3.51.0",
      "is-number@6.0.0",
      "is-number@7.0.0",
      "is-odd@3.0.1",
      "ms@2.1.3",
    ]);
    expect(install(lockfile, "@ctrl/tinycolor", "4.3.0")).toMatchObject({
      packageKey: packageKey("npm", "@ctrl/tinycolor"),
      versionKey: "pkg:npm/%40ctrl/tinycolor@4.3.0",
      hasInstallScript: false,
      directRange: "^4.1.0",
    });
    expect(install(lockfile, "core-js", "3.51.0")).toMatchObject({ hasInstallScript: true, dev: false });
    expect(install(lockfile, "core-js", "3.51.0")).not.toHaveProperty("scriptsMayRun");
  });

  it("takes dev and optional from a v6 entry's flags", () => {
    const lockfile = read("v6-install-script");
    expect(install(lockfile, "is-number", "7.0.0")).toMatchObject({ dev: true, optional: false, directRange: "^7.0.0" });
    expect(install(lockfile, "is-number", "6.0.0")).toMatchObject({ dev: false, optional: true, directRange: null });
  });

  it("installs the aliased package of an npm: alias under its real name", () => {
    const lockfile = read("v9-install-script");
    expect(install(lockfile, "ms", "2.1.3")).toMatchObject({ name: "ms", directRange: "npm:ms@2.1.3" });
  });

  it("knows no install script in a v9 lockfile, which records none", () => {
    const lockfile = read("v9-install-script");
    expect(lockfile.lockfileVersion).toBe(9);
    expect(lockfile.installs.every((entry) => !entry.hasInstallScript && entry.installScriptKnown === false && entry.scriptsMayRun === undefined)).toBe(true);
  });

  it("works out dev-only versions of a v9 lockfile from the importers' devDependencies", () => {
    const lockfile = read("v9-install-script");
    expect(install(lockfile, "is-number", "7.0.0")?.dev).toBe(true);
    expect(install(lockfile, "is-number", "6.0.0")).toMatchObject({ dev: false, optional: true });
    expect(install(lockfile, "core-js", "3.51.0")?.dev).toBe(false);
  });

  it("lets scripts run only for packages in onlyBuiltDependencies, and takes a v9 listed package to have a build", () => {
    const v9 = read("v9-workspace", { onlyBuiltDependencies: ["core-js"] });
    expect(install(v9, "core-js", "3.51.0")).toMatchObject({ hasInstallScript: true, scriptsMayRun: true });
    expect(install(v9, "core-js", "3.51.0")).not.toHaveProperty("installScriptKnown");
    expect(install(v9, "react", "19.3.1")).toMatchObject({ hasInstallScript: false, installScriptKnown: false, scriptsMayRun: false });
    // v6 records builds: the list decides whether they run, requiresBuild whether there is one
    const v6 = read("v6-install-script", { onlyBuiltDependencies: ["ms", "is-odd"] });
    expect(install(v6, "core-js", "3.51.0")).toMatchObject({ hasInstallScript: true, scriptsMayRun: false });
    expect(install(v6, "is-odd", "3.0.1")).toMatchObject({ hasInstallScript: true, scriptsMayRun: true });
    expect(install(v6, "ms", "2.1.3")).toMatchObject({ hasInstallScript: false, scriptsMayRun: true });
  });

  it("reads a pnpm 10 workspace: importers, links to workspace packages, and each workspace's declared range", () => {
    const lockfile = read("v9-workspace", { onlyBuiltDependencies: ["esbuild"] });
    expect(lockfile.workspaces).toEqual(["", "packages/app", "packages/lib"]);
    expect(lockfile.localPackages).toEqual(["@acme/lib"]);
    expect(install(lockfile, "use-sync-external-store", "1.7.0")).toMatchObject({ directRange: "^1.2.0", dev: false });
    expect(install(lockfile, "ms", "2.1.3")).toMatchObject({ directRange: "^2.1.2", dev: false });
    expect(install(lockfile, "is-number", "7.0.0")).toMatchObject({ directRange: "^7.0.0", dev: true });
    expect(install(lockfile, "core-js", "3.51.0")?.scriptsMayRun).toBe(false);
  });

  it("puts file: and link: packages with local code into localPackages", () => {
    const parsed = parsePnpmLockfile(
      "pnpm-lock.yaml",
      [
        "lockfileVersion: '9.0'",
        "importers:",
        "  .:",
        "    dependencies:",
        "      tool:",
        "        specifier: file:tools/tool",
        "        version: file:tools/tool",
        "packages:",
        "  tool@file:tools/tool:",
        "    resolution: {directory: tools/tool, type: directory}",
        "snapshots:",
        "  tool@file:tools/tool: {}",
        "",
      ].join("\n"),
    );
    expect(parsed).toEqual({ ok: true, lockfile: expect.objectContaining({ installs: [], localPackages: ["tool"] }) });
  });

  it("reports malformed YAML with its line instead of throwing", () => {
    const parsed = parsePnpmLockfile("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: [\n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors[0]).toMatchObject({ file: "pnpm-lock.yaml", line: expect.any(Number), message: expect.stringContaining("invalid YAML") });
  });

  it("refuses pnpm 7's lockfile v5 and names the fix", () => {
    expect(parsePnpmLockfile("pnpm-lock.yaml", "lockfileVersion: 5.4\n")).toEqual({
      ok: false,
      errors: [{ file: "pnpm-lock.yaml", line: 1, path: "$.lockfileVersion", message: expect.stringContaining("regenerate it with pnpm 8") }],
    });
  });

  it("points at an entry that is not a mapping or has no version", () => {
    const parsed = parsePnpmLockfile("pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages: {}\nsnapshots:\n  a@1.0.0: 3\n  nonsense: {}\n");
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { file: "pnpm-lock.yaml", line: 4, path: '$.snapshots["a@1.0.0"]', message: "each package entry must be a mapping" },
        { file: "pnpm-lock.yaml", line: 5, path: "$.snapshots.nonsense", message: expect.stringContaining("cannot read a package name and version") },
      ],
    });
  });
});

const realDirectory = path.join(REAL_FIXTURES, "lockfiles");
const realLockfiles = existsSync(realDirectory)
  ? readdirSync(realDirectory, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "pnpm-lock.yaml")
  : [];
if (!existsSync(realDirectory)) console.info(`skipping real pnpm lockfiles: ${realDirectory} is absent`);
else if (realLockfiles.length === 0) console.info(`no pnpm-lock.yaml under ${realDirectory}; nothing real to parse`);

describe.skipIf(realLockfiles.length === 0)("parsePnpmLockfile on real public lockfiles", () => {
  it.each(realLockfiles)("reads %s without error and finds installs", (file) => {
    const parsed = parsePnpmLockfile(file, readFileSync(path.join(realDirectory, file), "utf8"));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(parsed.ok && parsed.lockfile.installs.length).toBeGreaterThan(0);
  });
});
