import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EDGE_KINDS, NODE_KINDS } from "@/lib/schemas/graph-facts";
import { countOfKind, EDGE_KIND_REGISTRY, NODE_KIND_REGISTRY } from "./kinds";

// The page colours kind glyphs are drawn on, read from the stylesheet itself so a new theme
// cannot drift from what this test checks: the page (--bg), the panels and the graph canvas
// (--panel, components/graph/graph.css), and raised rows and chips (--panel-2).
const globalsCss = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");
const cssColour = (name: string): string => {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6});`, "i").exec(globalsCss)?.[1];
  if (!value) throw new Error(`app/globals.css defines no --${name} as #rrggbb`);
  return value;
};

/** WCAG 2.2 relative luminance and contrast ratio of two #rrggbb colours. */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

describe("the kind registry", () => {
  it("describes every node kind and every edge kind the schemas define, and nothing else", () => {
    expect(Object.keys(NODE_KIND_REGISTRY).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(EDGE_KIND_REGISTRY).sort()).toEqual([...EDGE_KINDS].sort());
  });

  it("tells kinds apart by shape, colour and glyph alike, so no kind depends on one cue", () => {
    const entries = Object.values(NODE_KIND_REGISTRY);
    for (const cue of ["shape", "colour", "glyph", "label", "plural"] as const)
      expect(new Set(entries.map((entry) => entry[cue])).size, cue).toBe(entries.length);
  });

  it("draws every kind at 3:1 against the graph canvas, and its glyph at 4.5:1 on every page background", () => {
    const canvas = cssColour("panel");
    const backgrounds = ["bg", "panel", "panel-2"].map(cssColour);
    for (const [kind, { colour }] of Object.entries(NODE_KIND_REGISTRY)) {
      // WCAG 1.4.11: a shape that carries meaning needs 3:1 against what is next to it
      expect(contrast(colour, canvas), `${kind} shape on the canvas`).toBeGreaterThanOrEqual(3);
      // WCAG 1.4.3, what axe checks (e2e/accessibility.spec.ts): glyphs are text in the kind's colour
      for (const background of backgrounds) expect(contrast(colour, background), `${kind} glyph on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("counts in words that agree with the number", () => {
    expect(countOfKind(1, "secret")).toBe("1 secret");
    expect(countOfKind(26, "secret")).toBe("26 secrets");
    expect(countOfKind(1, "context")).toBe("1 CI job or workstation");
    expect(countOfKind(1200, "identity")).toBe("1,200 identities");
  });

  it("names both ends of every relation differently, so a node's page can group edges by direction", () => {
    for (const [kind, { outgoing, incoming }] of Object.entries(EDGE_KIND_REGISTRY)) expect(outgoing, kind).not.toBe(incoming);
  });
});
