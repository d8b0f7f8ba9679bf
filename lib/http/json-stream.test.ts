import { describe, expect, it } from "vitest";
import { jsonStream } from "./json-stream";

describe("a JSON answer streamed in chunks", () => {
  it("arrives whole and in order", async () => {
    const text = await new Response(jsonStream(['{"nodes":[', "1,2", ",3", "]}"].values())).text();
    expect(JSON.parse(text)).toEqual({ nodes: [1, 2, 3] });
  });

  it("lets other work run between its chunks, even for a reader that never waits", async () => {
    const made: string[] = [];
    function* chunks() {
      for (let i = 0; i < 5; i++) {
        made.push(`chunk ${i}`);
        yield `${i}`;
      }
    }
    // another request's I/O callback, queued before the answer is read
    setImmediate(() => made.push("other request"));
    const reader = jsonStream(chunks()).getReader();
    while (!(await reader.read()).done);
    expect(made.indexOf("other request")).toBeGreaterThan(0);
    expect(made.indexOf("other request")).toBeLessThan(made.length - 1);
  });

  it("stops making chunks when the reader goes away", async () => {
    let made = 0;
    function* chunks() {
      for (;;) {
        made++;
        yield "x";
      }
    }
    const reader = jsonStream(chunks()).getReader();
    await reader.read();
    await reader.cancel();
    const after = made;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(made).toBe(after);
  });
});
