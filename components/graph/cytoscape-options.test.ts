import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CANVAS_BACKGROUND, cytoscapeOptions } from "./cytoscape-options";

// The options are the canvas component's and the radius-render bench's alike, so these are the
// promises both rely on.

const container = {} as HTMLElement;

describe("the canvas's Cytoscape options", () => {
  it("paint WebGL and PNG exports in the colour the page gives the canvas (--panel)", () => {
    const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");
    expect(/--panel:\s*(#[0-9a-f]{6});/i.exec(css)?.[1]).toBe(CANVAS_BACKGROUND);
    const options = cytoscapeOptions({ container, webgl: true, large: true }) as { renderer?: { webglBgColor: number[] } };
    expect(options.renderer?.webglBgColor).toEqual([0x16, 0x1d, 0x26]);
  });

  it("trade detail for speed only on large graphs, and edge hiding only on the canvas renderer", () => {
    const small = cytoscapeOptions({ container, webgl: false, large: false });
    expect(small).toMatchObject({ pixelRatio: "auto", hideEdgesOnViewport: false, textureOnViewport: false });
    expect(cytoscapeOptions({ container, webgl: false, large: true })).toMatchObject({ pixelRatio: 1, hideEdgesOnViewport: true, textureOnViewport: true });
    expect(cytoscapeOptions({ container, webgl: true, large: true })).toMatchObject({ pixelRatio: 1, hideEdgesOnViewport: false, textureOnViewport: false });
    expect(small).not.toHaveProperty("renderer");
  });
});
