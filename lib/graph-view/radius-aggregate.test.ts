import { describe, expect, it } from "vitest";
import type { TPathStep, TRadiusResult, TReachedNode } from "@/lib/schemas/radius";
import { openSummary, PICTURE_ELEMENT_CAP, radiusPicture, redrawRadiusPicture, type TRadiusPicture } from "./radius-elements";
import { collapseGroup, EXPAND_PAGE, summaryLabel } from "./summarise-columns";

// Issue 14: whatever the radius, the first picture holds fewer than 2,000 elements; what does not
// fit one by one is counted in groups a person can name, which open and fold back.

type TRadius = Pick<TRadiusResult, "nodes" | "edges" | "source">;

/**
 * A compromised build dependency installed in 60 CI jobs of 12 repositories and on one build box
 * holding the tokens of `bots` service accounts owned by five teams; one bot reaches the critical
 * production database, ten jobs' tokens can publish ten packages. The shapes and keys are the
 * ones the engine sends (lib/engine/radius-result.ts), most important first.
 */
function outbreak(bots: number, { botPackages = 0 } = {}): TRadius {
  const nodes: TReachedNode[] = [];
  const edges: TRadiusResult["edges"] = [];
  const byId = new Map<number, TReachedNode>();
  let nextId = 1;
  const add = (fields: Pick<TReachedNode, "key" | "kind" | "name"> & Partial<TReachedNode>, parent: TReachedNode | null, step: string): TReachedNode => {
    const id = nextId++;
    const exposure = fields.exposure ?? parent?.exposure ?? null;
    const edge: TPathStep | null = parent ? { kind: step, from: parent.id, to: id, exposure } : null;
    const node: TReachedNode = {
      id,
      hops: parent ? parent.hops + 1 : 0,
      generation: 0,
      timing: "now",
      path: parent && edge ? [...parent.path, edge] : [],
      ...fields,
      exposure,
    };
    nodes.push(node);
    byId.set(id, node);
    if (edge) edges.push({ kind: edge.kind, from: edge.from, to: edge.to, exposure });
    return node;
  };
  const source = add({ key: "pkg:npm/evil-build@1.0.0", kind: "packageVersion", name: "evil-build@1.0.0" }, null, "");
  const box = add({ key: "context:build-box", kind: "context", name: "build-box", exposure: "install" }, source, "INSTALLED_IN");
  const teams = ["team-payments", "team-web", "team-data", "team-platform", "team-mobile"];
  const tokens: TReachedNode[] = [];
  for (let i = 0; i < bots; i++) {
    const n = String(i).padStart(5, "0");
    tokens.push(add({ key: `secret:bot-token-${n}`, kind: "secret", name: `bot-token-${n}` }, box, "EXPOSES"));
  }
  const owned = tokens.map((token, i) =>
    add({ key: `identity:bot-${String(i).padStart(5, "0")}`, kind: "identity", name: `bot-${i}`, owner: teams[i % teams.length] }, token, "AUTHENTICATES_AS"),
  );
  add({ key: "system:prod-db", kind: "system", name: "prod-db", criticality: "critical", privilege: "admin" }, owned[0], "CAN_ACCESS");
  // a worm's dream: bots that can each publish a package
  for (let i = 0; i < botPackages; i++) add({ key: `pkg:npm/bot-lib-${i}`, kind: "package", name: `bot-lib-${i}` }, owned[i], "CAN_PUBLISH");
  for (let r = 0; r < 12; r++) {
    for (let j = 0; j < 5; j++) {
      const job = add({ key: `context:acme/repo-${r}/ci.yml/job-${j}`, kind: "context", name: `job-${j}`, exposure: "install" }, source, "INSTALLED_IN");
      const secret = add({ key: `secret:acme/repo-${r}:NPM_TOKEN_${j}`, kind: "secret", name: `NPM_TOKEN_${j}`, exposure: "job" }, job, "EXPOSES");
      if (r < 10 && j === 0) add({ key: `pkg:npm/%40acme/lib-${r}`, kind: "package", name: `@acme/lib-${r}` }, secret, "CAN_PUBLISH");
    }
  }
  return { source: { refs: [source.key], description: source.name, nodes: [{ id: 1, key: source.key, kind: source.kind, name: source.name }] }, nodes, edges };
}

const domainNodes = (picture: TRadiusPicture) =>
  picture.elements.flatMap((element) => (element.group === "nodes" && "kind" in element.data ? [element.data] : []));
const labels = (picture: TRadiusPicture) => picture.summaries.map(summaryLabel);

describe("the picture of a big radius", () => {
  const big = outbreak(12_000);
  const first = radiusPicture(big);

  it("holds fewer than 2,000 elements for 24,000 nodes, and every node is drawn or counted in exactly one group", () => {
    expect(big.nodes.length).toBeGreaterThan(24_000);
    expect(first.elements.length).toBeLessThan(PICTURE_ELEMENT_CAP);
    const drawn = domainNodes(first).filter((data) => !("summary" in data));
    const counted = first.summaries.reduce((sum, summary) => sum + summary.memberIds.length, 0);
    expect(drawn.length + counted).toBe(big.nodes.length);
    expect(new Set(first.summaries.flatMap((summary) => summary.memberIds)).size).toBe(counted);
  });

  it("groups a big band by repository and owner, in words", () => {
    expect(labels(first)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2,3\d\d identities owned by team-payments$/),
        expect.stringMatching(/^\d+ CI jobs in acme\/repo-\d+$/),
        expect.stringMatching(/^\d+ secrets in acme\/repo-\d+$/),
      ]),
    );
    // the bots' tokens name no repository and no owner: they go with the rest of their kind
    expect(labels(first)).toContainEqual(expect.stringMatching(/^12,0\d\d other secrets$/));
  });

  it("puts a kind's groups past the sixth into one 'other' group that says how many repositories it spans", () => {
    const rest = first.summaries.find((summary) => summary.kind === "context" && summary.rest)!;
    expect(first.summaries.filter((summary) => summary.kind === "context" && summary.group)).toHaveLength(6);
    expect(summaryLabel(rest)).toMatch(/^\d+ other CI jobs|^\d+ other jobs and workstations$/);
    const data = domainNodes(first).find((node) => node.id === rest.id) as { detail: string };
    const named = new Set(first.summaries.filter((summary) => summary.kind === "context" && summary.group).map((summary) => summary.group!.name));
    const folded = new Set(rest.memberIds.map((id) => /^context:(acme\/repo-\d+)\//.exec(big.nodes[id - 1].key)?.[1]).filter((repository) => repository));
    expect([...folded].some((repository) => named.has(repository!))).toBe(false);
    expect(data.detail).toMatch(new RegExp(`^from ${folded.size} more repositories\n`));
  });

  it("draws every critical system and every package the attacker can publish one by one", () => {
    const drawnKeys = new Set(domainNodes(first).map((data) => data.key));
    expect(drawnKeys).toContain("system:prod-db");
    for (let r = 0; r < 10; r++) expect(drawnKeys).toContain(`pkg:npm/%40acme/lib-${r}`);
  });

  it("draws one edge per pair of drawn ends, counting the edges it stands for", () => {
    const pairs = first.elements.flatMap((element) => (element.group === "edges" ? [`${element.data.source}→${element.data.target}`] : []));
    expect(new Set(pairs).size).toBe(pairs.length);
    const counted = first.elements.reduce((sum, element) => sum + (element.group === "edges" ? element.data.count : 0), 0);
    expect(counted).toBe(big.edges.length);
  });

  it("opens a group of thousands a page at a time, under the cap, and folds it back", () => {
    const team = first.summaries.find((summary) => summary.group?.name === "team-payments")!;
    const opened = openSummary(first, new Set(), team.id);
    expect(opened.refused).toBeNull();
    expect(opened.picture.elements.length).toBeLessThan(PICTURE_ELEMENT_CAP);
    // the first page of members drawn, the rest still counted as "… more"
    const drawnIds = new Set(domainNodes(opened.picture).map((data) => data.id));
    expect(team.memberIds.slice(0, EXPAND_PAGE).every((id) => drawnIds.has(String(id)))).toBe(true);
    const more = opened.picture.summaries.find((summary) => summary.groupId === team.id)!;
    expect(summaryLabel(more)).toBe(`${(team.memberIds.length - EXPAND_PAGE).toLocaleString("en")} more identities owned by team-payments`);
    expect(opened.picture.opened.map(summaryLabel)).toEqual([summaryLabel(team)]);
    // each member drawn from the group can fold it back
    expect(opened.picture.openedFrom.get(String(team.memberIds[0]))).toBe(team.groupId);
    expect(opened.picture.openedFrom.has(String(team.memberIds[EXPAND_PAGE]))).toBe(false);

    const folded = redrawRadiusPicture(first, collapseGroup(opened.expanded, team.groupId));
    expect(labels(folded)).toEqual(labels(first));
    expect(folded.elements.length).toBe(first.elements.length);
  });

  it("refuses to open a group past 2,000 elements, and says so", () => {
    let expanded: ReadonlySet<string> = new Set();
    let picture = radiusPicture(outbreak(2_000));
    let refused: string | null = null;
    for (let step = 0; step < 20 && refused === null; step++) {
      const bots = picture.summaries.find((summary) => summary.groupId === "summary:0:secrets:secret")!;
      const next = openSummary(picture, expanded, bots.id);
      refused = next.refused;
      expanded = next.expanded;
      picture = next.picture;
      expect(picture.elements.length).toBeLessThan(PICTURE_ELEMENT_CAP);
    }
    expect(refused).toMatch(/^Opening [\d,]+ more secrets would draw [\d,]+ elements, more than the 2,000 the picture holds/);
  });
});

describe("the picture of a radius with more publish rights than the picture holds", () => {
  it("draws the first 300 critical systems and publish rights one by one and counts the rest apart, as what the attacker can publish", () => {
    const picture = radiusPicture(outbreak(3_000, { botPackages: 2_500 }));
    expect(picture.elements.length).toBeLessThan(PICTURE_ELEMENT_CAP);
    const drawn = domainNodes(picture).filter((data) => !("summary" in data));
    // the critical system first (the server sends it first), then 299 packages in the order sent
    expect(drawn.map((data) => data.key)).toContain("system:prod-db");
    const packages = drawn.filter((data) => data.kind === "package").map((data) => data.key);
    expect(packages).toHaveLength(299);
    expect(packages).toContain("pkg:npm/bot-lib-0");
    expect(packages).not.toContain("pkg:npm/%40acme/lib-9");
    expect(labels(picture)).toContain(`${(2_510 - 299).toLocaleString("en")} packages the attacker can publish`);
  });
});

describe("the picture of a small radius", () => {
  it("groups by kind only, as before: a band of a few hundred nodes is not split by repository or owner", () => {
    const picture = radiusPicture(outbreak(40));
    expect(picture.summaries.every((summary) => summary.group === null)).toBe(true);
    expect(labels(picture)).toContain("32 identities");
  });
});
