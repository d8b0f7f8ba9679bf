// A response body from JSON text that arrives in chunks: each pull encodes the next chunk, so a
// large answer is sent as it is written instead of being held in memory whole. Making a chunk is
// synchronous work (500 nodes and their paths of a radius: ~1 MB of JSON), and a reader that is
// never kept waiting by the socket pulls the next one at once, from a microtask: without a turn of
// the event loop between chunks, the whole 190 MB answer of a 100k-identity radius would be
// written before any other request got a look in. So every pull after the first waits for the
// event loop's next turn (setImmediate: after pending I/O, not behind timers).
export function jsonStream(chunks: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pulled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pulled) await new Promise<void>((resolve) => setImmediate(resolve));
      pulled = true;
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return?.(undefined);
    },
  });
}
