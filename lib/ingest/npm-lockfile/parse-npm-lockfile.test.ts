import { describe, expect, it } from "vitest";
import { installedInEdges, lockfileDocument } from "./lockfile-document";
import { nameFromInstallPath, parseNpmLockfile } from "./parse-npm-lockfile";

const lockfile = (packages: Record<string, unknown>, lockfileVersion = 3) => ({ name: "app", lockfileVersion, packages: { "": { name: "app" }, ...packages } });

describe("parseNpmLockfile", () => {
  it("reads scoped and nested install paths as package names", () => {
    expect(nameFromInstallPath("node_modules/a/node_modules/@s/b")).toBe("@s/b");
    expect(nameFromInstallPath("packages/web")).toBeNull();
  });

  it("lists each installed version once with its install-script, dev and optional flags", () => {
    const parsed = parseNpmLockfile(
      "package-lock.json",
      lockfile({
        "node_modules/esbuild": { version: "0.28.1", hasInstallScript: true, dev: true },
        "node_modules/@ctrl/tinycolor": { version: "4.1.1" },
        "node_modules/x/node_modules/@ctrl/tinycolor": { version: "4.1.1", dev: true },
        "node_modules/fsevents": { version: "2.3.3", optional: true, dev: true, hasInstallScript: true },
      }),
    );
    expect(parsed.ok && parsed.lockfile.installs).toEqual([
      {
        name: "esbuild",
        version: "0.28.1",
        packageKey: "pkg:npm/esbuild",
        versionKey: "pkg:npm/esbuild@0.28.1",
        hasInstallScript: true,
        dev: true,
        optional: false,
      },
      {
        name: "@ctrl/tinycolor",
        version: "4.1.1",
        packageKey: "pkg:npm/%40ctrl/tinycolor",
        versionKey: "pkg:npm/%40ctrl/tinycolor@4.1.1",
        hasInstallScript: false,
        dev: false,
        optional: false,
      },
      {
        name: "fsevents",
        version: "2.3.3",
        packageKey: "pkg:npm/fsevents",
        versionKey: "pkg:npm/fsevents@2.3.3",
        hasInstallScript: true,
        dev: true,
        optional: true,
      },
    ]);
  });

  it("treats linked, out-of-tree and workspace packages as local code, not registry packages", () => {
    const parsed = parseNpmLockfile(
      "package-lock.json",
      lockfile({
        "../../packages/cli": { name: "prisma", version: "0.0.0", hasInstallScript: true },
        "node_modules/prisma": { resolved: "../../packages/cli", link: true },
        "../node_modules/.prisma/client": { name: ".prisma/client" },
        "packages/web": { name: "web", version: "1.0.0" },
        "packages/web/node_modules/debug": { version: "4.4.1" },
      }),
    );
    expect(parsed.ok && parsed.lockfile.installs.map((install) => install.versionKey)).toEqual(["pkg:npm/debug@4.4.1"]);
    expect(parsed.ok && parsed.lockfile.localPackages).toHaveLength(4);
  });

  it("uses the entry's name for an npm alias", () => {
    const parsed = parseNpmLockfile("package-lock.json", lockfile({ "node_modules/str-old": { name: "string-width", version: "4.2.3" } }));
    expect(parsed.ok && parsed.lockfile.installs[0].versionKey).toBe("pkg:npm/string-width@4.2.3");
  });

  it("refuses lockfileVersion 1 with how to fix it", () => {
    const parsed = parseNpmLockfile("package-lock.json", { lockfileVersion: 1, dependencies: {} });
    expect(parsed).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: "package-lock.json", path: "$.lockfileVersion", message: expect.stringContaining("npm 7") })],
    });
  });

  it("names the JSON path of an entry without a version", () => {
    const parsed = parseNpmLockfile("a/package-lock.json", lockfile({ "node_modules/left-pad": { resolved: "https://registry.example.invalid/x.tgz" } }));
    expect(parsed).toEqual({
      ok: false,
      errors: [{ file: "a/package-lock.json", path: '$.packages["node_modules/left-pad"].version', message: "an installed package needs a version" }],
    });
  });
});

describe("lockfileDocument", () => {
  const parsed = parseNpmLockfile(
    "package-lock.json",
    lockfile({ "node_modules/esbuild": { version: "0.28.1", hasInstallScript: true }, "node_modules/chalk": { version: "5.3.0", dev: true } }),
  );
  const installs = parsed.ok ? parsed.lockfile.installs : [];

  it("puts install-script packages in the install phase only where scripts run", () => {
    const declared = new Map([["chalk", { name: "chalk", range: "^5.0.0", dev: true, optional: false, semver: true }]]);
    const edges = installedInEdges(
      installs,
      [
        { key: "context:a/b/ci.yml/build", ignoresScripts: false },
        { key: "context:a/b/ci.yml/safe", ignoresScripts: true },
      ],
      declared,
      "package-lock.json",
    );
    expect(edges.map((edge) => [edge.from, edge.to, edge.attributes?.phase])).toEqual([
      ["pkg:npm/esbuild@0.28.1", "context:a/b/ci.yml/build", "install"],
      ["pkg:npm/esbuild@0.28.1", "context:a/b/ci.yml/safe", "runtime"],
      ["pkg:npm/chalk@5.3.0", "context:a/b/ci.yml/build", "runtime"],
      ["pkg:npm/chalk@5.3.0", "context:a/b/ci.yml/safe", "runtime"],
    ]);
    expect(edges[2].attributes).toEqual({ phase: "runtime", dev: true, resolve: "lockfile", lockfile: "package-lock.json", direct: true, range: "^5.0.0" });
  });

  it("keys the document by repository and path and declares each package once", () => {
    const document = lockfileDocument({
      repo: "acme/web",
      path: "package-lock.json",
      lockfile: parsed.ok ? parsed.lockfile : (undefined as never),
      contexts: [],
      declared: new Map(),
    });
    expect(document.key).toBe("lockfile:acme/web:package-lock.json");
    expect(document.nodes.map((node) => node.key)).toEqual(["pkg:npm/esbuild", "pkg:npm/esbuild@0.28.1", "pkg:npm/chalk", "pkg:npm/chalk@5.3.0"]);
    expect(document.edges.every((edge) => edge.kind === "VERSION_OF")).toBe(true);
  });
});

describe("transitive dependencies and the next resolve", () => {
  it("a transitive version carries the ranges its dependents ask for, so a bad version they admit is a next-resolve risk", () => {
    const parsed = parseNpmLockfile(
      "package-lock.json",
      lockfile({
        "node_modules/eslint": { version: "9.0.0", dependencies: { debug: "^4.3.2", chalk: "^4.0.0" } },
        "node_modules/mocha": { version: "10.0.0", dependencies: { debug: "4.3.4" } },
        "node_modules/debug": { version: "4.4.1" },
        "node_modules/mocha/node_modules/debug": { version: "4.3.4" },
        "node_modules/chalk": { version: "4.1.2" },
      }),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const debug = parsed.lockfile.installs.find((install) => install.versionKey === "pkg:npm/debug@4.4.1")!;
    expect(debug.requestedRanges).toEqual(["4.3.4", "^4.3.2"]);
    const [edge] = installedInEdges([debug], [{ key: "context:acme/web/ci.yml/test", ignoresScripts: false }], new Map(), "package-lock.json");
    expect(edge.attributes).toMatchObject({ range: "4.3.4 || ^4.3.2", requestedBy: "dependents" });
    expect(edge.attributes).not.toHaveProperty("direct");
  });
});
