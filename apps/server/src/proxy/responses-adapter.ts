import {
  AnthropicToResponsesEventConverter,
  convertAnthropicMessageToResponse,
  createAnthropicToResponsesEventStream,
  encodeResponsesSseEvent,
  sseComment,
  type AnthropicToResponsesOptions,
  type ResponsesStreamEvent,
} from '@octoproxy/converters';

import type { ProtocolAdapter } from './protocol-adapter';

/**
 * OpenAI Responses (Codex CLI): `event:`-named SSE frames ending in `response.completed`,
 * `response.incomplete` or `response.failed`, comment keepalives, the `Response` object as JSON.
 * One converter per request, so an error the relay detects (a timeout, a broken upstream) continues
 * the stream's sequence numbers as its `response.failed`.
 */
export function responsesAdapter(options: AnthropicToResponsesOptions): ProtocolAdapter {
  const converter = new AnthropicToResponsesEventConverter(options);
  return {
    protocol: 'openai',
    keepalive: sseComment('keepalive'),
    toSse: (events) =>
      events.pipeThrough(createAnthropicToResponsesEventStream(options, converter)).pipeThrough(
        new TransformStream<ResponsesStreamEvent, string>({
          transform(event, controller) {
            controller.enqueue(encodeResponsesSseEvent(event));
          },
        }),
      ),
    encodeError: (error) => converter.fail(error).map(encodeResponsesSseEvent).join(''),
    toJson: (message) => convertAnthropicMessageToResponse(message, options),
  };
}
