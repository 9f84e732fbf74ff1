import type { ResponsesStreamEvent } from '../responses/response';

/**
 * One Responses SSE frame: `event: <type>\ndata: <json>\n\n`, as OpenAI sends them (Codex and the
 * official SDKs read the JSON `type`; the event line keeps generic SSE tools informed).
 */
export function encodeResponsesSseEvent(event: ResponsesStreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** A `TransformStream` from Responses events to SSE bytes, one whole frame per chunk. */
export function createResponsesSseEncoderStream(): TransformStream<
  ResponsesStreamEvent,
  Uint8Array
> {
  const encoder = new TextEncoder();
  return new TransformStream({
    transform(event, controller) {
      controller.enqueue(encoder.encode(encodeResponsesSseEvent(event)));
    },
  });
}
