/**
 * Iterates a `ReadableStream` or any AsyncIterable (some runtimes lack async iteration of streams).
 * Stopping early (a consumer throws) cancels the stream, so the upstream stops too.
 */
export async function* iterate<Item>(
  source: ReadableStream<Item> | AsyncIterable<Item>,
): AsyncGenerator<Item> {
  if (!lacksAsyncIterator(source)) {
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

/**
 * A type guard rather than an inline `in` check: Node's types give ReadableStream an async iterator,
 * which would narrow the reader branch to `never` in packages compiled with Node types only.
 */
function lacksAsyncIterator<Item>(
  source: ReadableStream<Item> | AsyncIterable<Item>,
): source is ReadableStream<Item> {
  return !(Symbol.asyncIterator in source);
}
