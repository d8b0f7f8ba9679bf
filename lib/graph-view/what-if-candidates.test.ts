import { describe, expect, it } from "vitest";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { deriveWhatIfCandidates, parseWhatIfControl, whatIfControl } from "./what-if-candidates";

const summary: TRadiusResult["summary"] = {
  countsByKind: {} as TRadiusResult["summary"]["countsByKind"],
  systemsByCriticality: {} as TRadiusResult["summary"]["systemsByCriticality"],
  republishablePackages: [],
  longLivedIdentities: [{ id: 4, key: "identity:npm-publish", name: "npm-publish" }],
  maxGeneration: 0,
  total: 5,
  now: 5,
  nowCredentials: 3,
};
const reached = (id: number, kind: TRadiusResult["nodes"][number]["kind"], key: string, name: string) => ({
  id,
  kind,
  key,
  name,
  hops: 1,
  generation: 0,
  exposure: null,
  path: [],
  timing: "now" as const,
});

const radius: Pick<TRadiusResult, "nodes" | "edges" | "source" | "summary"> = {
  source: { refs: ["pkg:npm/chalk@5.6.1"], description: "", nodes: [{ id: 1, key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", name: "chalk@5.6.1" }] },
  summary,
  nodes: [
    reached(2, "context", "context:acme/web/release.yml/publish", "publish"),
    reached(3, "secret", "secret:acme/web:NPM_TOKEN", "NPM_TOKEN"),
    reached(4, "identity", "identity:npm-publish", "npm-publish"),
    reached(5, "package", "pkg:npm/acme-ui", "acme-ui"),
    reached(6, "runner", "runner:build-box", "build-box"),
    reached(7, "secret", "secret:acme/web:SENTRY_DSN", "SENTRY_DSN"),
  ],
  edges: [
    { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
    { kind: "EXPOSES", from: 2, to: 3, exposure: "install" },
    { kind: "EXPOSES", from: 2, to: 7, exposure: "runtime" },
    { kind: "AUTHENTICATES_AS", from: 3, to: 4 },
    { kind: "CAN_PUBLISH", from: 4, to: 5 },
    { kind: "RUNNER_PERSISTENCE", from: 2, to: 6, exposure: "runner" },
    { kind: "RUNS_ON", from: 2, to: 6 },
    { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
  ],
};

describe("deriveWhatIfCandidates", () => {
  it("proposes one control per edge the attacker uses, in the engine's control syntax", () => {
    expect(deriveWhatIfCandidates(radius).map((candidate) => candidate.control)).toEqual([
      "ignore-scripts:context:acme/web/release.yml/publish",
      "remove-secret:context:acme/web/release.yml/publish=secret:acme/web:NPM_TOKEN",
      "off-runner:context:acme/web/release.yml/publish",
      "short-lived:identity:npm-publish",
      "drop-publish:identity:npm-publish=pkg:npm/acme-ui",
    ]);
  });

  it("does not propose removing a secret that is only read at run time", () => {
    expect(deriveWhatIfCandidates(radius).some((candidate) => candidate.control.includes("SENTRY_DSN"))).toBe(false);
  });

  it("labels controls with the names a person recognises", () => {
    expect(deriveWhatIfCandidates(radius).find((candidate) => candidate.group === "drop-publish")!.label).toBe("Drop npm-publish's right to publish acme-ui");
  });

  it("proposes nothing for an empty radius", () => {
    expect(deriveWhatIfCandidates({ ...radius, nodes: [], edges: [], summary: { ...summary, longLivedIdentities: [] } })).toEqual([]);
  });
});

describe("deriveWhatIfCandidates: pinning actions", () => {
  const action = (tagged: boolean) => ({
    ...radius,
    nodes: [
      reached(8, "action", "action:tj-actions/changed-files", "tj-actions/changed-files"),
      {
        ...reached(9, "context", "context:acme/web/ci.yml/changes", "acme/web ci.yml/changes"),
        path: [
          {
            kind: "USED_IN",
            from: 8,
            to: 9,
            exposure: "job" as const,
            attributes: { ref: tagged ? "v45" : "0e58ed8671d6b60d0890c21b07f8835ace038e67", pinned: !tagged },
          },
        ],
      },
    ],
    edges: [{ kind: "USED_IN", from: 8, to: 9, exposure: "job" as const }],
    summary: { ...summary, longLivedIdentities: [] },
  });

  it("offers to pin an action a reached job uses by a tag, in the engine's pin-action syntax", () => {
    expect(deriveWhatIfCandidates(action(true))).toEqual([
      {
        control: "pin-action:context:acme/web/ci.yml/changes=action:tj-actions/changed-files",
        group: "pin-action",
        label: "Pin tj-actions/changed-files to a commit SHA in acme/web ci.yml/changes (uses v45)",
      },
    ]);
    expect(parseWhatIfControl("pin-action:context:acme/web/ci.yml/changes=action:tj-actions/changed-files")).toEqual({
      group: "pin-action",
      ref: "context:acme/web/ci.yml/changes",
      target: "action:tj-actions/changed-files",
    });
  });

  it("does not offer to pin a use that is already pinned to a commit", () => {
    expect(deriveWhatIfCandidates(action(false))).toEqual([]);
  });
});

describe("parseWhatIfControl", () => {
  it("round-trips a control whose refs contain colons", () => {
    const control = whatIfControl("remove-secret", "context:acme/web/ci.yml/build", "secret:acme/web:NPM_TOKEN");
    expect(parseWhatIfControl(control)).toEqual({ group: "remove-secret", ref: "context:acme/web/ci.yml/build", target: "secret:acme/web:NPM_TOKEN" });
    expect(parseWhatIfControl("short-lived:identity:x")).toEqual({ group: "short-lived", ref: "identity:x", target: null });
  });
  it("rejects unknown controls and pairs without a target", () => {
    expect(parseWhatIfControl("explode:identity:x")).toBeNull();
    expect(parseWhatIfControl("drop-publish:identity:x")).toBeNull();
  });
});
