import { describe, expect, it } from "vitest";
import { parsePackageJson } from "./parse-package-json";

describe("parsePackageJson", () => {
  it("keeps each dependency's range and whether it is dev, optional and a semver range", () => {
    const parsed = parsePackageJson("package.json", {
      dependencies: { chalk: "^5.0.0", local: "file:../local", tagged: "latest" },
      optionalDependencies: { fsevents: "~2.3.0" },
      devDependencies: { typescript: "5.8.3", chalk: "^5.1.0" },
    });
    expect(parsed.ok && parsed.packageJson.dependencies).toEqual([
      { name: "chalk", range: "^5.0.0", dev: false, optional: false, semver: true },
      { name: "local", range: "file:../local", dev: false, optional: false, semver: false },
      { name: "tagged", range: "latest", dev: false, optional: false, semver: false },
      { name: "fsevents", range: "~2.3.0", dev: false, optional: true, semver: true },
      { name: "typescript", range: "5.8.3", dev: true, optional: false, semver: true },
    ]);
  });

  it("names the JSON path of a range that is not a string", () => {
    expect(parsePackageJson("package.json", { dependencies: { chalk: 5 } })).toEqual({
      ok: false,
      errors: [{ file: "package.json", path: "$.dependencies.chalk", message: "a dependency's version range must be a string" }],
    });
  });
});
