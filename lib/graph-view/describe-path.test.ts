import { describe, expect, it } from "vitest";
import { describePath, type TPathNodeInfo } from "./describe-path";

const nodes = new Map<number, TPathNodeInfo>([
  [1, { name: "chalk@5.6.1", key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", generation: 0 }],
  [2, { name: "acme/web release.yml/publish", key: "context:acme/web/release.yml/publish", kind: "context", generation: 0 }],
  [3, { name: "NPM_TOKEN", key: "secret:acme/web:NPM_TOKEN", kind: "secret", generation: 0 }],
  [4, { name: "npm-publish-token", key: "identity:npm-publish-token", kind: "identity", generation: 0 }],
  [5, { name: "pkg:npm/acme-ui", key: "pkg:npm/acme-ui", kind: "package", generation: 1 }],
]);

describe("describePath", () => {
  it("tells the chain from the compromise to a republished package in words", () => {
    const described = describePath(
      [
        { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
        { kind: "EXPOSES", from: 2, to: 3, exposure: "install" },
        { kind: "AUTHENTICATES_AS", from: 3, to: 4 },
        { kind: "CAN_PUBLISH", from: 4, to: 5 },
      ],
      nodes,
    );
    expect(described.text).toBe(
      "chalk@5.6.1 is installed in acme/web release.yml/publish (install script) → which exposes NPM_TOKEN (install) → which authenticates as npm-publish-token → which can publish pkg:npm/acme-ui (generation 1)",
    );
    expect(described.steps.map((step) => step.to)).toEqual([2, 3, 4, 5]);
  });

  it("says a source is where the compromise starts", () => {
    expect(describePath([], nodes, 1).text).toBe("chalk@5.6.1 is where the compromise starts.");
  });

  it("names the privilege reached on a system and the exposure of a later step", () => {
    const text = describePath(
      [
        { kind: "EXPOSES", from: 2, to: 3, exposure: "job" },
        { kind: "CAN_ACCESS", from: 3, to: 4, privilege: "admin" },
      ],
      nodes,
    ).text;
    expect(text).toBe("acme/web release.yml/publish exposes NPM_TOKEN (later in the job) → which can access npm-publish-token (admin)");
  });

  it("shows an unknown node as its id and an unknown rule by its name rather than dropping the step", () => {
    expect(describePath([{ kind: "SOME_NEW_RULE", from: 1, to: 42 }], nodes).text).toBe("chalk@5.6.1 leads to node #42 (some new rule)");
  });
});

describe("describePath with the engine's derived steps", () => {
  it("explains runner persistence and a worm republication", () => {
    const more = new Map(nodes);
    more.set(6, { name: "build-box", key: "runner:build-box", kind: "runner", generation: 0 });
    more.set(7, { name: "acme/api ci.yml/test", key: "context:acme/api/ci.yml/test", kind: "context", generation: 0 });
    more.set(8, { name: "acme/app ci.yml/build", key: "context:acme/app/ci.yml/build", kind: "context", generation: 1 });
    const text = describePath(
      [
        { kind: "RUNNER_PERSISTENCE", from: 2, to: 6, exposure: "runner" },
        { kind: "RUNNER_SHARED", from: 6, to: 7, exposure: "runner" },
        { kind: "WORM_REPUBLISH", from: 5, to: 8 },
      ],
      more,
    ).text;
    expect(text).toBe(
      "acme/web release.yml/publish persists on the self-hosted runner build-box → which poisons the later job acme/api ci.yml/test → which can be republished with the worm and then runs in acme/app ci.yml/build (generation 1)",
    );
  });
});
