import { describe, expect, it } from "vitest";
import { findRepositoryRoots, repositoryFinder } from "./repository-roots";

describe("repositoryFinder", () => {
  const roots = findRepositoryRoots(
    ["web/.github/workflows/ci.yml", "web/packages/api/.github/workflows/ci.yml", ".github/workflows/org.yml", "x.github/workflows/odd.yml"],
    {},
  );
  const repositoryOf = repositoryFinder(roots);

  it("gives a file to the nearest repository root above it", () => {
    expect(repositoryOf("web/packages/api/package-lock.json")?.root).toBe("web/packages/api/");
    expect(repositoryOf("web/packages/ui/package.json")?.root).toBe("web/");
  });

  it("gives a file under no other root to the import root's repository", () => {
    expect(repositoryOf("tools/package.json")?.root).toBe("");
  });

  it("matches a root that is not a whole directory name, as a path prefix", () => {
    expect(repositoryOf("xyz/package.json")?.root).toBe("x");
  });

  it("finds no repository when no root is a prefix of the path", () => {
    expect(repositoryFinder(roots.filter((root) => root.root !== ""))("tools/package.json")).toBeNull();
  });
});
