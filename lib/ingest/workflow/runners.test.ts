import { describe, expect, it } from "vitest";
import { classify, classifyLabels, resolveRunsOn, runnerName } from "./runners";

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
    expect(placements.map((placement) => placement.labels)).toEqual([
      ["self-hosted", "x64"],
      ["self-hosted", "arm64"],
    ]);
  });

  it("names a runner by its owner and sorted lower-case labels, or by its group", () => {
    expect(runnerName("acme", { hosting: "selfHosted", labels: ["Self-Hosted", "Linux"], group: null })).toBe("acme/linux,self-hosted");
    expect(runnerName("acme", { hosting: "selfHosted", labels: ["linux"], group: "release" })).toBe("acme/group:release");
  });

  it("GitHub-hosted image labels, with their versions and larger-runner suffixes, are GitHub-hosted", () => {
    for (const label of [
      "ubuntu-latest",
      "ubuntu-24.04",
      "ubuntu-22.04-arm",
      "ubuntu-24.04-arm",
      "windows-2025",
      "windows-11-arm",
      "windows-latest",
      "macos-latest",
      "macos-15",
      "macos-14-xlarge",
      "macos-13-intel",
      "macos-15-arm64",
    ]) {
      expect(classify([label]), label).toBe("githubHosted");
    }
  });

  it("any other label is a self-hosted or larger runner: self-hosted, persistent assumed, with the reason", () => {
    expect(classifyLabels(["my-fleet"])).toMatchObject({ hosting: "selfHosted", labelUnknown: expect.stringContaining('"my-fleet"') });
    expect(classifyLabels(["ubuntu-latest", "gpu-large"])).toMatchObject({ hosting: "selfHosted", labelUnknown: expect.stringContaining('"gpu-large"') });
    expect(classifyLabels(["ubuntu-22.04-16core"]).hosting).toBe("selfHosted");
    // a self-hosted label says so; third-party providers stay "other"
    expect(classifyLabels(["self-hosted", "gpu"])).toEqual({ hosting: "selfHosted", labelUnknown: null });
    expect(classifyLabels(["buildjet-4vcpu-ubuntu-2204"])).toEqual({ hosting: "other", labelUnknown: null });
    expect(resolveRunsOn("${{ inputs.runner }}", undefined)[0].hosting).toBe("unknown");
  });
});
