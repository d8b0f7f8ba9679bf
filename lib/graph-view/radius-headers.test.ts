import { describe, expect, it } from "vitest";
import { layoutRadius } from "./radius-layout";
import { screenHeaders } from "./radius-headers";

const layout = layoutRadius(
  [
    { id: 1, kind: "packageVersion", name: "chalk@5.6.1", hops: 0, generation: 0 },
    { id: 2, kind: "context", name: "build", hops: 1, generation: 0 },
    { id: 3, kind: "secret", name: "NPM_TOKEN", hops: 2, generation: 0 },
  ],
  { sourceIds: [1], columnWidth: 200 },
);

describe("screenHeaders", () => {
  it("places each column heading over its column as the picture is panned and zoomed", () => {
    const { columns, bands } = screenHeaders(layout, { zoom: 0.5, pan: { x: 40, y: 0 } }, 1000);
    expect(columns.map((column) => [column.label, column.count, column.left, column.width])).toEqual([
      ["Compromise", 1, 40, 100],
      ["Runs in", 1, 140, 100],
      ["Secrets", 1, 240, 100],
    ]);
    expect(bands).toEqual([{ id: "band:0", label: "Original compromise", count: null, left: 40, width: 300 }]);
  });

  it("leaves out headings panned out of view", () => {
    const { columns } = screenHeaders(layout, { zoom: 1, pan: { x: -250, y: 0 } }, 300);
    expect(columns.map((column) => column.label)).toEqual(["Runs in", "Secrets"]);
  });
});
