/** Test helpers for Web streams; they run in Node and in edge runtimes. */

export function streamOf<Item>(items: Iterable<Item>): ReadableStream<Item> {
  const list = [...items];
  return new ReadableStream({
    start(controller) {
      for (const item of list) controller.enqueue(item);
      controller.close();
    },
  });
}

export async function collect<Item>(stream: ReadableStream<Item>): Promise<Item[]> {
  const items: Item[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    items.push(value);
  }
}

/** Runs items through a transform and collects the output. */
export async function transformAll<Input, Output>(
  items: Iterable<Input>,
  transform: TransformStream<Input, Output>,
): Promise<Output[]> {
  return collect(streamOf(items).pipeThrough(transform));
}

export async function collectText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  const parts = await collect(stream);
  return parts.map((part) => decoder.decode(part, { stream: true })).join('') + decoder.decode();
}
