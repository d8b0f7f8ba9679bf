// Next.js 16 hands proxy.ts a copy of the request body that it buffers anyway (up to
// experimental.proxyClientMaxBodySize, 10 MB, past which the handler silently gets the body cut
// short), so counting that copy costs no extra memory. A chunked body has no Content-Length to
// check up front; this reads it until it passes the limit and stops there.

/** Whether the stream holds more than `limit` bytes; reads at most limit + one chunk. */
export async function bodyExceeds(body: ReadableStream<Uint8Array> | null, limit: number): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      bytes += value.byteLength;
      if (bytes > limit) return true;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
