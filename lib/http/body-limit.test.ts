import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { DEFAULT_BODY_LIMIT_BYTES } from "@/lib/security/security-headers";

// A chunked upload carries no Content-Length; the proxy's 1 MB limit must hold for it too.
const chunked = (bytes: number, chunk = 64 * 1024) => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
};
const post = (body: ReadableStream<Uint8Array>) =>
  // duplex: a streamed body (Node's fetch requires it; the DOM typings do not know it yet).
  new NextRequest(
    new Request("http://localhost:3000/api/incidents", { method: "POST", body, duplex: "half", headers: { authorization: "Bearer bm_test" } } as RequestInit),
  );

describe("the proxy's body limit", () => {
  it("refuses a chunked body over 1 MB with 413", async () => {
    const request = post(chunked(DEFAULT_BODY_LIMIT_BYTES + 1));
    expect(request.headers.get("content-length")).toBeNull();
    const response = await proxy(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: `request body too large (limit ${DEFAULT_BODY_LIMIT_BYTES} bytes)` });
  });

  it("lets a chunked body within the limit through", async () => {
    const response = await proxy(post(chunked(DEFAULT_BODY_LIMIT_BYTES)));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});
