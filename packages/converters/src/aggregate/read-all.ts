/**
 * Iterates a `ReadableStream` or any AsyncIterable (some runtimes lack async iteration of streams).
 * Stopping early (a consumer throws) cancels the stream, so the upstream stops too.
 */
export async function* iterate<Item>(
  source: ReadableStream<Item> | AsyncIterable<Item>,
): AsyncGenerator<Item> {
  if (Symbol.asyncIterator in source) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
