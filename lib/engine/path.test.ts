import { describe, expect, it } from "vitest";
import { ZPathResult } from "@/lib/schemas/radius";
import { findChains } from "./blast-radius";
import { tinyGraph } from "./tiny-graph";

// A package in two jobs; each job has a token to the database; one job also reaches it through
// a vault the deploy role can write. Three distinct chains from the package to the database.
const graph = () =>
  tinyGraph(
    [
      ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
      "context:o/r/ci.yml/one",
      "context:o/r/ci.yml/two",
      "secret:o/r:TOKEN_ONE",
      "secret:o/r:TOKEN_TWO",
      "identity:one",
      "identity:two",
      ["system:vault", { storesSecrets: true }],
      "secret:db-password",
      "identity:db",
      ["system:prod-db", { criticality: "critical" }],
      "system:island",
    ],
    [
      ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:o/r/ci.yml/one"],
      ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:o/r/ci.yml/two"],
      ["EXPOSES", "context:o/r/ci.yml/one", "secret:o/r:TOKEN_ONE", { exposure: "install" }],
      ["EXPOSES", "context:o/r/ci.yml/two", "secret:o/r:TOKEN_TWO", { exposure: "job" }],
      ["AUTHENTICATES_AS", "secret:o/r:TOKEN_ONE", "identity:one"],
      ["AUTHENTICATES_AS", "secret:o/r:TOKEN_TWO", "identity:two"],
      ["CAN_ACCESS", "identity:one", "system:prod-db", { privilege: "read" }],
      ["CAN_ACCESS", "identity:two", "system:prod-db", { privilege: "write" }],
      ["CAN_ACCESS", "identity:one", "system:vault", { privilege: "write" }],
      ["STORES", "system:vault", "secret:db-password"],
      ["AUTHENTICATES_AS", "secret:db-password", "identity:db"],
      ["CAN_ACCESS", "identity:db", "system:prod-db", { privilege: "admin" }],
    ],
  );

describe("path", () => {
  it("finds up to k distinct shortest chains, shortest first, with edge kinds", () => {
    const answer = findChains(graph(), { from: "pkg:npm/evil@1.0.0", to: "system:prod-db", k: 3 });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const result = ZPathResult.parse(answer.result);
    expect(result.found).toBe(true);
    expect(result.chains.map((chain) => chain.hops)).toEqual([4, 4, 7]);
    expect(result.chains.map((chain) => chain.nodes.map((n) => n.key).join(" > "))).toEqual([
      "pkg:npm/evil@1.0.0 > context:o/r/ci.yml/one > secret:o/r:TOKEN_ONE > identity:one > system:prod-db",
      "pkg:npm/evil@1.0.0 > context:o/r/ci.yml/two > secret:o/r:TOKEN_TWO > identity:two > system:prod-db",
      "pkg:npm/evil@1.0.0 > context:o/r/ci.yml/one > secret:o/r:TOKEN_ONE > identity:one > system:vault > secret:db-password > identity:db > system:prod-db",
    ]);
    expect(result.chains[2].steps.map((step) => step.kind)).toEqual([
      "INSTALLED_IN",
      "EXPOSES",
      "AUTHENTICATES_AS",
      "CAN_ACCESS",
      "STORES",
      "AUTHENTICATES_AS",
      "CAN_ACCESS",
    ]);
  });

  it("says there is none when the rules cannot get there", () => {
    const answer = findChains(graph(), { from: "pkg:npm/evil@1.0.0", to: "system:island", k: 3 });
    expect(answer.ok && answer.result).toMatchObject({ found: false, chains: [] });
    if (answer.ok) expect(answer.result.message).toMatch(/^no chain from pkg:npm\/evil@1.0.0 to system:island/);
  });

  it("a vault read without write access is not a chain to the secrets it stores", () => {
    const g = tinyGraph(
      ["identity:reader", ["system:vault", { storesSecrets: true }], "secret:inside"],
      [
        ["CAN_ACCESS", "identity:reader", "system:vault", { privilege: "read" }],
        ["STORES", "system:vault", "secret:inside"],
      ],
    );
    const answer = findChains(g, { from: "identity:reader", to: "secret:inside", k: 2 });
    expect(answer.ok && answer.result.found).toBe(false);
  });
});
