import { describe, expect, it } from "vitest";
import type { TReachedNode } from "@/lib/schemas/radius";
import { collapseGroup, idsToOpen, summariseColumns, summaryDetail, summaryLabel } from "./summarise-columns";

const source: TReachedNode = {
  id: 1,
  key: "pkg:npm/chalk@5.6.1",
  kind: "packageVersion",
  name: "chalk@5.6.1",
  hops: 0,
  generation: 0,
  exposure: null,
  path: [],
  timing: "now",
};
const secret = (id: number, overrides: Partial<TReachedNode> = {}): TReachedNode => ({
  id,
  key: `secret:acme/web:S${id}`,
  kind: "secret",
  name: `S${id}`,
  hops: 2,
  generation: 0,
  exposure: "job",
  path: [],
  timing: "now",
  ...overrides,
});
const secrets = (count: number) =>
  Array.from({ length: count }, (_, i) => secret(100 + i, i % 3 === 0 ? { exposure: "install" } : i % 5 === 0 ? { timing: "next-resolve" } : {}));

describe("summariseColumns", () => {
  it("leaves a column of twelve nodes alone", () => {
    const { shown, summaries } = summariseColumns([source, ...secrets(12)], { sourceIds: new Set([1]) });
    expect(shown).toHaveLength(13);
    expect(summaries).toEqual([]);
  });

  it("keeps the first nodes of a long column, the most important, and folds the rest of a kind into one summary", () => {
    const nodes = [source, ...secrets(34)];
    const { shown, summaries, summaryOf } = summariseColumns(nodes, { sourceIds: new Set([1]), keep: 8 });
    expect(shown.map((node) => node.id)).toEqual([1, ...nodes.slice(1, 9).map((node) => node.id)]);
    expect(summaries).toHaveLength(1);
    const [summary] = summaries;
    expect(summary).toMatchObject({ id: "summary:0:secrets:secret", kind: "secret", stage: "secrets", generation: 0 });
    expect(summary.memberIds).toEqual(nodes.slice(9).map((node) => node.id));
    expect(summaryOf.get(nodes[20].id)).toBe(summary.id);
    // counted by exposure and timing, every member once
    const counted = Object.values(summary.byExposure).reduce((sum, n) => sum + n, 0);
    expect(counted).toBe(26);
    expect(summaryLabel(summary)).toBe("26 secrets");
  });

  it("says how the folded nodes are reached and when", () => {
    expect(summaryDetail({ memberIds: [1, 2, 3, 4], byExposure: { install: 1, job: 3 }, nextResolve: 1 })).toBe("1 install · 3 job\n3 now · 1 next");
    expect(summaryDetail({ memberIds: [1, 2], byExposure: { runtime: 2 }, nextResolve: 2 })).toBe("2 runtime\nall next resolve");
  });

  it("makes one summary per kind, so identities and publishers in one column stay apart", () => {
    const identities = Array.from({ length: 14 }, (_, i) => secret(200 + i, { kind: "identity", hops: 3 }));
    const publishers = Array.from({ length: 4 }, (_, i) => secret(300 + i, { kind: "publisher", hops: 3 }));
    const { summaries } = summariseColumns([source, ...identities, ...publishers], { sourceIds: new Set([1]), keep: 8 });
    expect(summaries.map((summary) => [summary.kind, summary.memberIds.length])).toEqual([
      ["identity", 6],
      ["publisher", 4],
    ]);
  });

  it("draws the members of an expanded summary one by one", () => {
    const nodes = [source, ...secrets(30)];
    const { shown, summaries } = summariseColumns(nodes, { sourceIds: new Set([1]), expanded: new Set(["summary:0:secrets:secret"]) });
    expect(summaries).toEqual([]);
    expect(shown).toHaveLength(31);
  });

  it("never folds a source or an assumed-compromised node away", () => {
    const nodes = [...secrets(30), source];
    const assumed = nodes[25].id;
    const { shown } = summariseColumns(nodes, { sourceIds: new Set([1]), alwaysShown: new Set([assumed]) });
    expect(shown.map((node) => node.id)).toContain(assumed);
    expect(shown.map((node) => node.id)).toContain(1);
  });

  it("opens a group a page at a time: the first page drawn, the rest counted as more, the next page on request", () => {
    const nodes = [source, ...secrets(30)];
    const options = { sourceIds: new Set([1]), keep: 8, expandPage: 10 };
    const first = summariseColumns(nodes, { ...options, expanded: new Set(["summary:0:secrets:secret"]) });
    expect(first.summaries.map((summary) => [summary.id, summary.memberIds.length, summaryLabel(summary)])).toEqual([
      ["summary:0:secrets:secret#p2", 12, "12 more secrets"],
    ]);
    expect(first.opened.map(summaryLabel)).toEqual(["22 secrets"]);
    expect(first.shown).toHaveLength(1 + 8 + 10);
    const second = summariseColumns(nodes, { ...options, expanded: new Set(idsToOpen("summary:0:secrets:secret#p2")) });
    expect(second.summaries.map((summary) => summary.memberIds.length)).toEqual([2]);
    // a gap in the pages opens nothing past it
    expect(summariseColumns(nodes, { ...options, expanded: new Set(["summary:0:secrets:secret#p2"]) }).summaries[0].id).toBe("summary:0:secrets:secret");
  });

  it("draws a last member alone rather than summarising it, as part of the opened group", () => {
    const nodes = [source, ...secrets(29)];
    const { summaries, openedFrom, shown } = summariseColumns(nodes, {
      sourceIds: new Set([1]),
      keep: 8,
      expandPage: 10,
      expanded: new Set(idsToOpen("summary:0:secrets:secret#p2")),
    });
    expect(summaries).toEqual([]);
    expect(shown).toHaveLength(30);
    expect(openedFrom.size).toBe(21);
  });

  it("folds back one group and its pages, leaving the other groups open", () => {
    const open = new Set([...idsToOpen("summary:0:secrets:secret#p3"), "summary:0:identities:identity:owner:team-web"]);
    expect([...collapseGroup(open, "summary:0:secrets:secret")]).toEqual(["summary:0:identities:identity:owner:team-web"]);
  });
});
