import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LockfileInstall, ParsedLockfile } from "../npm-lockfile/parse-npm-lockfile";
import { packageKey, packageVersionKey } from "@/lib/graph-keys/refs";
import { parseYarnLockfile, type YarnManifest } from "./parse-yarn-lockfile";
import { REAL_FIXTURES } from "@/test/fixture-tree";

const fixtures = path.join(__dirname, "fixtures");

/** The fixture's package.json files as the import hands them over. */
function manifests(name: string): YarnManifest[] {
  return ["", "packages/a", "packages/b"].map((directory) => {
    const json = JSON.parse(readFileSync(path.join(fixtures, name, directory, "package.json"), "utf8"));
    const dependencies = [
      ...Object.entries<string>(json.dependencies ?? {}).map(([dependency, range]) => ({ name: dependency, range, dev: false })),
      ...Object.entries<string>(json.devDependencies ?? {}).map(([dependency, range]) => ({ name: dependency, range, dev: true })),
    ];
    return { directory, dependencies };
  });
}

function read(name: string, withManifests = true): ParsedLockfile {
  const parsed = parseYarnLockfile(
    `${name}/yarn.lock`,
    readFileSync(path.join(fixtures, name, "yarn.lock"), "utf8"),
    withManifests ? { manifests: manifests(name) } : {},
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.lockfile;
}
const install = (lockfile: ParsedLockfile, name: string, version: string): LockfileInstall | undefined =>
  lockfile.installs.find((entry) => entry.versionKey === packageVersionKey("npm", name, version));

describe.each(["v1-workspace", "berry-workspace"])("parseYarnLockfile (%s)", (name) => {
  it("lists every installed version once, under the real name of an npm: alias", () => {
    const lockfile = read(name);
    expect(lockfile.installs.map((entry) => `${entry.name}@${entry.version}`).sort()).toEqual([
      "@ctrl/tinycolor@4.3.0",
      "core-js@3.51.0",
      "is-number@7.0.0",
      "ms@2.0.0",
      "ms@2.1.3",
    ]);
    expect(install(lockfile, "@ctrl/tinycolor", "4.3.0")).toMatchObject({
      packageKey: packageKey("npm", "@ctrl/tinycolor"),
      versionKey: "pkg:npm/%40ctrl/tinycolor@4.3.0",
    });
  });

  it("records the range each workspace declares for its direct dependencies", () => {
    const lockfile = read(name);
    expect(install(lockfile, "ms", "2.1.3")?.directRange).toBe("^2.1.1");
    expect(install(lockfile, "ms", "2.0.0")?.directRange).toBe("npm:ms@2.0.0");
    expect(install(lockfile, "@ctrl/tinycolor", "4.3.0")?.directRange).toBe("^4.1.0");
    expect(lockfile.workspaces).toEqual(["", "packages/a", "packages/b"]);
  });

  it("marks a version dev-only when only devDependencies reach it", () => {
    const lockfile = read(name);
    expect(install(lockfile, "is-number", "7.0.0")?.dev).toBe(true);
    expect(install(lockfile, "core-js", "3.51.0")?.dev).toBe(false);
  });

  it("knows no install script: yarn lockfiles record none", () => {
    expect(read(name).installs.every((entry) => entry.hasInstallScript === false)).toBe(true);
  });
});

describe("parseYarnLockfile", () => {
  it("reads one classic entry with two descriptors as one version", () => {
    const lockfile = read("v1-workspace");
    expect(lockfile.lockfileVersion).toBe(1);
    expect(lockfile.installs.filter((entry) => entry.versionKey === "pkg:npm/ms@2.1.3")).toHaveLength(1);
  });

  it("leaves directness to the caller when a classic lockfile comes without package.json", () => {
    const lockfile = read("v1-workspace", false);
    expect(install(lockfile, "ms", "2.1.3")).not.toHaveProperty("directRange");
    expect(lockfile.installs.every((entry) => !entry.dev)).toBe(true);
  });

  it("treats Berry workspace: and portal: entries as local code", () => {
    const lockfile = read("berry-workspace");
    expect(lockfile.lockfileVersion).toBe(10);
    expect(lockfile.localPackages.sort()).toEqual(["@acme/a", "@acme/b", "local-tool", "monorepo"]);
  });

  it("turns scripts off for a package Berry's dependenciesMeta marks built: false", () => {
    const lockfile = read("berry-workspace");
    expect(install(lockfile, "core-js", "3.51.0")?.scriptsMayRun).toBe(false);
    expect(install(lockfile, "ms", "2.1.3")).not.toHaveProperty("scriptsMayRun");
  });

  it("treats a patch: entry as local and keeps the npm entry it patches", () => {
    const parsed = parseYarnLockfile(
      "yarn.lock",
      [
        "__metadata:",
        "  version: 8",
        "",
        '"typescript@npm:5.4.5":',
        "  version: 5.4.5",
        '  resolution: "typescript@npm:5.4.5"',
        "",
        '"typescript@patch:typescript@npm%3A5.4.5#~builtin<compat/typescript>":',
        "  version: 5.4.5",
        '  resolution: "typescript@patch:typescript@npm%3A5.4.5#~builtin<compat/typescript>::version=5.4.5&hash=5adc0c"',
        "",
      ].join("\n"),
    );
    expect(parsed.ok && parsed.lockfile.installs.map((entry) => entry.versionKey)).toEqual(["pkg:npm/typescript@5.4.5"]);
    expect(parsed.ok && parsed.lockfile.localPackages).toEqual(["typescript"]);
  });

  it("reports a classic lockfile's syntax error with its line instead of throwing", () => {
    expect(parseYarnLockfile("yarn.lock", '# yarn lockfile v1\n\nfoo@^1:\n  version "1\n')).toEqual({
      ok: false,
      errors: [{ file: "yarn.lock", line: 4, message: expect.stringContaining("malformed yarn.lock") }],
    });
  });

  it("reports a Berry lockfile's YAML error with its line", () => {
    expect(parseYarnLockfile("yarn.lock", '__metadata:\n  version: 8\n"a@npm:1":\n  version: 1\n   x: [\n')).toEqual({
      ok: false,
      errors: [{ file: "yarn.lock", line: 5, message: expect.stringContaining("bad indentation") }],
    });
  });

  it("points at an entry without a version", () => {
    expect(parseYarnLockfile("yarn.lock", '__metadata:\n  version: 8\n"a@npm:1":\n  resolution: "a@npm:1.0.0"\n')).toEqual({
      ok: false,
      errors: [{ file: "yarn.lock", line: 3, path: '$["a@npm:1"].version', message: "an entry needs a version" }],
    });
  });

  it("refuses a file that is neither a classic nor a Berry lockfile", () => {
    expect(parseYarnLockfile("yarn.lock", "foo: bar\n")).toEqual({
      ok: false,
      errors: [{ file: "yarn.lock", line: 1, message: expect.stringContaining("not a yarn lockfile") }],
    });
  });
});

const realDirectory = path.join(REAL_FIXTURES, "lockfiles");
const realLockfiles = existsSync(realDirectory)
  ? readdirSync(realDirectory, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "yarn.lock")
  : [];
if (!existsSync(realDirectory)) console.info(`skipping real yarn lockfiles: ${realDirectory} is absent`);
else if (realLockfiles.length === 0) console.info(`no yarn.lock under ${realDirectory}; nothing real to parse`);

describe.skipIf(realLockfiles.length === 0)("parseYarnLockfile on real public lockfiles", () => {
  it.each(realLockfiles)("reads %s without error and finds installs", (file) => {
    const parsed = parseYarnLockfile(file, readFileSync(path.join(realDirectory, file), "utf8"));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(parsed.ok && parsed.lockfile.installs.length).toBeGreaterThan(0);
  });
});
