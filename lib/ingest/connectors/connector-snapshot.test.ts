import { describe, expect, it } from "vitest";
import { connectorChanges, connectorSnapshot, hasChanges } from "./connector-snapshot";

const inventory = (body: object) => ({ path: "connectors/npm-acme.json", content: JSON.stringify({ blastmapInventory: 1, ...body }) });

describe("connector snapshots", () => {
  it("lists a run's secrets, runners, identities, maintainers and files by their refs", () => {
    const snapshot = connectorSnapshot([
      { path: "acme/web/.github/workflows/ci.yml", content: "" },
      inventory({
        secrets: [{ name: "NPM_TOKEN", repo: "acme/web", type: "npm-token", storedIn: "ciSecret" }],
        runners: [{ name: "acme/group:Default", hosting: "selfHosted" }],
        identities: [{ name: "github-app:acme/bot", kind: "githubApp", lifetime: "shortLived" }],
        publishers: [{ handle: "alice", maintains: ["pkg:npm/%40acme/ui"] }],
      }),
    ]);
    expect(snapshot).toEqual({
      secrets: ["secret:acme/web:NPM_TOKEN"],
      runners: ["runner:acme/group:Default"],
      identities: ["identity:github-app:acme/bot"],
      maintainers: ["publisher:npm/alice maintains pkg:npm/%40acme/ui"],
      files: ["acme/web/.github/workflows/ci.yml"],
    });
  });

  it("a first run finds everything new; the same run again finds nothing", () => {
    const snapshot = connectorSnapshot([inventory({ publishers: [{ handle: "bob", maintains: ["pkg:npm/left-pad"] }] })]);
    expect(connectorChanges(null, snapshot).maintainers).toEqual({ added: ["publisher:npm/bob maintains pkg:npm/left-pad"], removed: [] });
    expect(hasChanges(connectorChanges(snapshot, snapshot))).toBe(false);
  });

  it("a new maintainer and a removed secret are told apart", () => {
    const before = connectorSnapshot([
      inventory({ secrets: [{ name: "OLD", type: "generic", storedIn: "ciSecret" }], publishers: [{ handle: "bob", maintains: ["pkg:npm/x"] }] }),
    ]);
    const after = connectorSnapshot([
      inventory({
        publishers: [
          { handle: "bob", maintains: ["pkg:npm/x"] },
          { handle: "mallory", maintains: ["pkg:npm/x"] },
        ],
      }),
    ]);
    const changes = connectorChanges(before, after);
    expect(changes.secrets).toEqual({ added: [], removed: ["secret:OLD"] });
    expect(changes.maintainers).toEqual({ added: ["publisher:npm/mallory maintains pkg:npm/x"], removed: [] });
  });
});
