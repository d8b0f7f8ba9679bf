import { expect, type Locator } from "@playwright/test";

// Where the Cytoscape canvas drew things, so a spec can click a node with the real mouse. The
// canvas is pixels, not DOM, so positions come from the Cytoscape instance: Cytoscape registers
// it on its container (`_cyreg.cy`, the hook its own jQuery integration uses), which saves the
// app a test-only global. Only reads happen through it; every click is a real mouse event.

interface CyNode {
  id(): string;
  empty(): boolean;
  data(name: string): unknown;
  style(name: string): string;
  visible(): boolean;
  renderedPosition(): { x: number; y: number };
  renderedBoundingBox(): { x1: number; y1: number; x2: number; y2: number };
  hasClass(name: string): boolean;
  selected(): boolean;
  isParent(): boolean;
  children(): { toArray(): CyNode[] };
}
interface CyLike {
  zoom(): number;
  on(events: string, handler: (event: { renderedPosition: { x: number; y: number } }) => void): void;
  width(): number;
  height(): number;
  getElementById(id: string): CyNode;
  nodes(): { toArray(): CyNode[] };
  elements(): { toArray(): CyNode[] };
}
type Container = HTMLElement & { _cyreg?: { cy?: CyLike } };

/**
 * The viewport point at the centre of a drawn node, checked to be clickable there: inside the
 * canvas and the window, and not under another node or HTML (a click would go there instead).
 */
export async function nodePoint(canvas: Locator, elementId: string): Promise<{ x: number; y: number }> {
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await canvas.scrollIntoViewIfNeeded();
  const point = await canvas.evaluate((element, id) => {
    const cy = (element as Container)._cyreg?.cy;
    if (!cy) return { error: "no Cytoscape instance on the canvas" };
    const node = cy.getElementById(id);
    if (node.empty()) return { error: `node ${id} is not drawn` };
    const { x, y } = node.renderedPosition();
    const rect = element.getBoundingClientRect();
    const inside = x > 5 && y > 5 && x < rect.width - 5 && y < rect.height - 5 && rect.top + y < window.innerHeight && rect.left + x < window.innerWidth;
    if (!inside) return { error: `node ${id} is drawn outside the visible canvas` };
    // bands are the picture's background; any other node covering the point would take the click
    const covering = cy
      .nodes()
      .toArray()
      .filter((other) => other.id() !== id && !other.id().startsWith("band:"))
      .find((other) => {
        const box = other.renderedBoundingBox();
        return x >= box.x1 && x <= box.x2 && y >= box.y1 && y <= box.y2;
      });
    if (covering) return { error: `node ${id} is under node ${covering.id()}` };
    // HTML over the picture (a sticky header, the zoom buttons) would take the click instead
    const hit = document.elementFromPoint(rect.left + x, rect.top + y);
    if (!hit || !element.contains(hit))
      return {
        error: `node ${id} is under ${hit ? hit.tagName.toLowerCase() + (hit.className ? "." + String(hit.className).split(" ").join(".") : "") : "nothing"}`,
      };
    return { x: rect.left + x, y: rect.top + y };
  }, elementId);
  if ("error" in point) throw new Error(point.error);
  return point;
}

/**
 * Records where the picture places each tap from now on, in viewport pixels: the position
 * Cytoscape read from the event, mapped back through the container's current place on the page.
 * Returns a reader of the taps so far.
 */
export async function tapsOnPicture(canvas: Locator): Promise<() => Promise<{ x: number; y: number }[]>> {
  await canvas.evaluate((element) => {
    const cy = (element as Container)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    const taps: { x: number; y: number }[] = [];
    (element as Container & { recordedTaps?: typeof taps }).recordedTaps = taps;
    cy.on("tap", (event) => {
      const rect = element.getBoundingClientRect();
      taps.push({ x: rect.left + event.renderedPosition.x, y: rect.top + event.renderedPosition.y });
    });
  });
  return () => canvas.evaluate((element) => [...((element as Container & { recordedTaps?: { x: number; y: number }[] }).recordedTaps ?? [])]);
}

/** Of the given node ids, the first that can be clicked (see nodePoint). */
export async function firstClickableNode(canvas: Locator, elementIds: readonly string[]): Promise<{ id: string; x: number; y: number }> {
  const reasons: string[] = [];
  for (const id of elementIds) {
    try {
      return { id, ...(await nodePoint(canvas, id)) };
    } catch (error) {
      reasons.push((error as Error).message);
    }
  }
  throw new Error(`no clickable node: ${reasons.join("; ")}`);
}

/** Ids of the drawn elements carrying a style class (e.g. "highlighted" on a path), sorted. */
export async function elementsWithClass(canvas: Locator, className: string): Promise<string[]> {
  return canvas.evaluate((element, name) => {
    const cy = (element as Container)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    return cy
      .elements()
      .toArray()
      .filter((item) => item.hasClass(name))
      .map((item) => item.id())
      .sort();
  }, className);
}

export interface Readability {
  zoom: number;
  /** the smallest label on screen in CSS pixels: font size × zoom */
  smallestLabelPx: number;
  /** labels are drawn only at or above their min-zoomed-font-size; a label under it is hidden */
  hiddenLabels: number;
  /** labelled domain nodes (not bands or headings) whose centre is inside the canvas */
  labelledInView: number;
  /** drawn domain nodes, and the nodes the drawn summaries stand for */
  drawnNodes: number;
  summarisedNodes: number;
  summaries: { id: string; count: number }[];
  /** shape and colour of each kind drawn (one node per kind) */
  kinds: Record<string, { shape: string; colour: string }>;
}

/** What a person can read of the picture as it is now, measured on the Cytoscape instance. */
export async function readability(canvas: Locator): Promise<Readability> {
  await expect(canvas).toHaveAttribute("data-ready", "true");
  return canvas.evaluate((element) => {
    const cy = (element as Container)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    const zoom = cy.zoom();
    const domain = cy
      .nodes()
      .toArray()
      .filter((node) => !node.data("decoration") && node.visible());
    const labelled = domain.filter((node) => node.style("label") !== "");
    const px = (node: CyNode) => parseFloat(node.style("font-size")) * zoom;
    const kinds: Record<string, { shape: string; colour: string }> = {};
    for (const node of domain) kinds[String(node.data("kind"))] ??= { shape: node.style("shape"), colour: node.style("background-color") };
    return {
      zoom,
      smallestLabelPx: Math.min(...labelled.map(px)),
      hiddenLabels: labelled.filter((node) => px(node) < parseFloat(node.style("min-zoomed-font-size"))).length,
      labelledInView: labelled.filter((node) => {
        const { x, y } = node.renderedPosition();
        return x >= 0 && y >= 0 && x <= cy.width() && y <= cy.height();
      }).length,
      drawnNodes: domain.length,
      summarisedNodes: domain.reduce((sum, node) => sum + (node.data("summary") ? Number(node.data("count")) : 0), 0),
      summaries: domain.filter((node) => node.data("summary")).map((node) => ({ id: node.id(), count: Number(node.data("count")) })),
      kinds,
    };
  });
}

/** The compound nodes (group boxes) drawn, with their label and the ids of the nodes inside them. */
export async function drawnClusters(canvas: Locator): Promise<{ id: string; label: string; members: string[] }[]> {
  await expect(canvas).toHaveAttribute("data-ready", "true");
  return canvas.evaluate((element) => {
    const cy = (element as Container)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    return cy
      .nodes()
      .toArray()
      .filter((node) => node.isParent())
      .map((node) => ({
        id: node.id(),
        label: String(node.data("label")),
        members: node
          .children()
          .toArray()
          .map((child) => child.id()),
      }));
  });
}

/** Ids of the selected nodes. */
export async function selectedNodeIds(canvas: Locator): Promise<string[]> {
  await expect(canvas).toHaveAttribute("data-ready", "true");
  return canvas.evaluate((element) => {
    const cy = (element as Container)._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the canvas");
    return cy
      .nodes()
      .toArray()
      .filter((node) => node.selected())
      .map((node) => node.id());
  });
}
