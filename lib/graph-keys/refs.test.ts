import { describe, expect, it } from "vitest";
import { packageKey, packageVersionKey, parsePackageRef } from "./refs";

describe("package refs", () => {
  it("a scoped npm package is written with its @ percent-encoded, as purl requires", () => {
    expect(packageKey("npm", "@nx/devkit")).toBe("pkg:npm/%40nx/devkit");
    expect(packageVersionKey("npm", "@nx/devkit", "21.5.0")).toBe("pkg:npm/%40nx/devkit@21.5.0");
  });

  it("an unscoped package has no namespace", () => {
    expect(packageVersionKey("npm", "chalk", "5.6.1")).toBe("pkg:npm/chalk@5.6.1");
  });

  it("a ref parses back to ecosystem, name and version", () => {
    expect(parsePackageRef("pkg:npm/%40nx/devkit@21.5.0")).toEqual({ ecosystem: "npm", name: "@nx/devkit", version: "21.5.0" });
    expect(parsePackageRef("pkg:npm/chalk")).toEqual({ ecosystem: "npm", name: "chalk", version: null });
    expect(parsePackageRef("identity:x")).toBeNull();
  });
});
