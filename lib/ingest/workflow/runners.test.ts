import { describe, expect, it } from "vitest";
import { classify, resolveRunsOn, runnerName } from "./runners";

describe("resolveRunsOn", () => {
  it("classifies GitHub-hosted, self-hosted and third-party labels", () => {
    expect(classify(["ubuntu-latest"])).toBe("githubHosted");
    expect(classify(["macos-13-large"])).toBe("githubHosted");
    expect(classify(["self-hosted", "gpu"])).toBe("selfHosted");
    expect(classify(["linux", "x64"])).toBe("selfHosted");
    expect(classify(["blacksmith-4vcpu-ubuntu-2404"])).toBe("other");
  });

  it("resolves a matrix expression, including include entries, and leaves other expressions unknown", () => {
    const matrix = { os: ["ubuntu-latest"], include: [{ os: "windows-latest" }] };
    expect(resolveRunsOn("${{ matrix.os }}", matrix).map((placement) => placement.labels)).toEqual([["ubuntu-latest"], ["windows-latest"]]);
    expect(resolveRunsOn("${{ inputs.os }}", matrix)).toEqual([{ hosting: "unknown", labels: ["${{ inputs.os }}"], group: null }]);
    expect(resolveRunsOn("${{ matrix.missing }}", matrix)[0].hosting).toBe("unknown");
  });

  it("expands a matrix element inside a label list", () => {
    const placements = resolveRunsOn(["self-hosted", "${{ matrix.arch }}"], { arch: ["x64", "arm64"] });
    expect(placements.map((placement) => placement.labels)).toEqual([["self-hosted", "x64"], ["self-hosted", "arm64"]]);
  });

  it("names a runner by its owner and sorted lower-case labels, or by its group", () => {
    expect(runnerName("acme", { hosting: "selfHosted", labels: ["Self-Hosted", "Linux"], group: null })).toBe("acme/linux,self-hosted");
    expect(runnerName("acme", { hosting: "selfHosted", labels: ["linux"], group: "release" })).toBe("acme/group:release");
  });
});
