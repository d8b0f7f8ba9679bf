import type { TEdgeKind, TNodeKind } from "@/lib/schemas/graph-facts";

// The one registry of node and edge kinds (after BloodHound CE's): what each kind is called, in
// one, in a heading and in a count, and how it is drawn. The inventory, the explorer, the
// blast-radius picture, the Overview, the entity page and the legend all read it, so a kind reads
// and looks the same everywhere. `satisfies Record<TNodeKind, …>`: a kind added to
// lib/schemas/graph-facts.ts fails the typecheck until it is described here.
//
// Ten kinds, ten hues far apart on the wheel AND ten shapes, so no two kinds are told apart by
// one cue alone (issue 13: identity and system were green and teal circles at a glance). Every
// colour is also a glyph's text colour on the page's panels, so each keeps 4.5:1 against them
// (kinds.test.ts). The glyphs are in DejaVu Sans, so headless Chromium draws them too.

/** The Cytoscape node shapes Blastmap uses (the legend draws each with CSS). */
export type TNodeShape = "ellipse" | "round-rectangle" | "rectangle" | "diamond" | "hexagon" | "triangle" | "pentagon" | "star" | "tag" | "barrel";

export interface NodeKindEntry {
  /** one of them, as a table cell, a filter option or a chip: "Package version" */
  label: string;
  /** a heading over many: an inventory tab, an Overview card, a group box: "Package versions" */
  plural: string;
  /** counted in running text: "1 package version", "26 package versions" */
  count: { one: string; other: string };
  shape: TNodeShape;
  colour: string;
  glyph: string;
}

export const NODE_KIND_REGISTRY = {
  advisory: {
    label: "Advisory",
    plural: "Advisories",
    count: { one: "advisory", other: "advisories" },
    shape: "triangle",
    colour: "#ff5c7a",
    glyph: "⚠",
  },
  packageVersion: {
    label: "Package version",
    plural: "Package versions",
    count: { one: "package version", other: "package versions" },
    shape: "rectangle",
    colour: "#e2e8f0",
    glyph: "◈",
  },
  package: { label: "Package", plural: "Packages", count: { one: "package", other: "packages" }, shape: "round-rectangle", colour: "#4e8cff", glyph: "▣" },
  publisher: { label: "Publisher", plural: "Publishers", count: { one: "publisher", other: "publishers" }, shape: "pentagon", colour: "#c084fc", glyph: "☺" },
  context: {
    label: "CI job / workstation",
    plural: "CI jobs & workstations",
    count: { one: "CI job or workstation", other: "CI jobs and workstations" },
    shape: "hexagon",
    colour: "#ff8a3d",
    glyph: "⌨",
  },
  runner: { label: "Runner", plural: "Runners", count: { one: "runner", other: "runners" }, shape: "barrel", colour: "#f472b6", glyph: "⚒" },
  action: {
    label: "Third-party action",
    plural: "Third-party actions",
    count: { one: "third-party action", other: "third-party actions" },
    shape: "tag",
    colour: "#22d3ee",
    glyph: "⚑",
  },
  secret: { label: "Secret", plural: "Secrets", count: { one: "secret", other: "secrets" }, shape: "diamond", colour: "#ffd166", glyph: "✱" },
  identity: { label: "Identity", plural: "Identities", count: { one: "identity", other: "identities" }, shape: "ellipse", colour: "#34d399", glyph: "⚙" },
  system: { label: "System", plural: "Systems", count: { one: "system", other: "systems" }, shape: "star", colour: "#a3e635", glyph: "⌂" },
} satisfies Record<TNodeKind, NodeKindEntry>;

/** "3 secrets" / "1 secret" */
export const countOfKind = (count: number, kind: TNodeKind): string => {
  const { one, other } = NODE_KIND_REGISTRY[kind].count;
  return `${count.toLocaleString("en")} ${count === 1 ? one : other}`;
};

/** A relation read from either end: on a node's page, its edges are grouped under these titles. */
export interface EdgeKindEntry {
  /** from the edge's source: "Can publish" */
  outgoing: string;
  /** from the edge's target: "Publishable by" */
  incoming: string;
}

export const EDGE_KIND_REGISTRY = {
  INSTALLED_IN: { outgoing: "Installed in", incoming: "Packages installed here" },
  EXPOSES: { outgoing: "Exposes", incoming: "Exposed in" },
  AUTHENTICATES_AS: { outgoing: "Authenticates as", incoming: "Secrets that authenticate as this" },
  ACTS_AS: { outgoing: "Acts as", incoming: "Identities acting as this" },
  CAN_ACCESS: { outgoing: "Can access", incoming: "Accessible by" },
  CAN_PUBLISH: { outgoing: "Can publish", incoming: "Publishable by" },
  MAINTAINS: { outgoing: "Maintains", incoming: "Maintained by" },
  RUNS_ON: { outgoing: "Runs on", incoming: "Jobs running here" },
  TRIGGERS: { outgoing: "Triggers", incoming: "Triggered by" },
  STORES: { outgoing: "Stores", incoming: "Stored in" },
  USED_IN: { outgoing: "Used in", incoming: "Uses actions" },
  VERSION_OF: { outgoing: "Version of", incoming: "Versions" },
  DEPENDS_ON: { outgoing: "Depends on", incoming: "Depended on by" },
  AFFECTS: { outgoing: "Affects", incoming: "Advisories" },
} satisfies Record<TEdgeKind, EdgeKindEntry>;
