// A response body from JSON text that arrives in chunks: each pull encodes the next chunk, so a
// large answer is sent as it is written instead of being held in memory whole.
export function jsonStream(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return?.(undefined);
    },
  });
}
