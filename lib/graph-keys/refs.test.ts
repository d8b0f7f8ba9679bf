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

  it("names and versions whose characters run together keep their own keys", () => {
    expect(packageVersionKey("npm", "ab", "1.0.0")).toBe("pkg:npm/ab@1.0.0");
    expect(packageVersionKey("npm", "a", "b1.0.0")).toBe("pkg:npm/a@b1.0.0");
    expect(packageKey("npm", "a1.0.0")).toBe("pkg:npm/a1.0.0");
    expect(packageKey("npm", "ab")).toBe("pkg:npm/ab");
  });

  it("a name no purl can hold is refused every time it is asked for", () => {
    expect(() => packageKey("npm", "")).toThrow();
    expect(() => packageKey("npm", "")).toThrow();
  });

  it("a ref parses back to ecosystem, name and version", () => {
    expect(parsePackageRef("pkg:npm/%40nx/devkit@21.5.0")).toEqual({ ecosystem: "npm", name: "@nx/devkit", version: "21.5.0" });
    expect(parsePackageRef("pkg:npm/chalk")).toEqual({ ecosystem: "npm", name: "chalk", version: null });
    expect(parsePackageRef("identity:x")).toBeNull();
  });
});
