import type { AnthropicStreamEvent } from '../anthropic/stream-event';

/**
 * One Anthropic SSE frame: `event: <type>\ndata: <json>\n\n`. The event name is required: the official
 * SDKs route events by it and silently drop frames without it.
 */
export function encodeAnthropicSseEvent(event: AnthropicStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A `TransformStream` from Anthropic events to SSE bytes, one whole frame per chunk. */
export function createAnthropicSseEncoderStream(): TransformStream<
  AnthropicStreamEvent,
  Uint8Array
> {
  const encoder = new TextEncoder();
  return new TransformStream({
    transform(event, controller) {
      controller.enqueue(encoder.encode(encodeAnthropicSseEvent(event)));
    },
  });
}
