import { EventStreamCodec, getChunkedStream } from '@smithy/core/event-streams';

import type { ContentSink, ReadOutcome } from './content-sink';

const utf8 = new TextDecoder();
const codec = new EventStreamCodec(
  (bytes: Uint8Array) => utf8.decode(bytes),
  (text: string) => new TextEncoder().encode(text),
);

function headerValue(headers: Record<string, { value: unknown }>, name: string): unknown {
  return headers[name]?.value;
}

/**
 * Reads Kiro's `application/vnd.amazon.eventstream` answer (the direct and null-proxy baselines):
 * each `assistantResponseEvent` is content; the stream is complete when the trailing
 * `contextUsageEvent` arrived without an exception frame before it.
 */
export async function readKiroFrames(
  body: AsyncIterable<Uint8Array>,
  sink: ContentSink,
): Promise<ReadOutcome> {
  let terminal = false;
  let error: string | undefined;
  for await (const frame of getChunkedStream(body)) {
    const message = codec.decode(frame);
    const messageType = headerValue(message.headers, ':message-type');
    if (messageType !== 'event') {
      error = String(headerValue(message.headers, ':exception-type') ?? messageType);
      continue;
    }
    const eventType = headerValue(message.headers, ':event-type');
    if (eventType === 'assistantResponseEvent') {
      const payload = JSON.parse(utf8.decode(message.body)) as { content?: string };
      sink.content(payload.content ?? '');
    } else if (eventType === 'contextUsageEvent') {
      terminal = true;
    }
  }
  return { terminal: terminal && error === undefined, error };
}
