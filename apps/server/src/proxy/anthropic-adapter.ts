import {
  anthropicPingFrame,
  encodeAnthropicSseEvent,
  toAnthropicError,
  type AnthropicStreamEvent,
} from '@octoproxy/converters';

import type { ProtocolAdapter } from './protocol-adapter';

/** Anthropic Messages: `event:`-named SSE frames, `ping` keepalives, the `Message` as JSON. */
export function anthropicAdapter(): ProtocolAdapter {
  return {
    protocol: 'anthropic',
    keepalive: anthropicPingFrame(),
    toSse: (events) =>
      events.pipeThrough(
        new TransformStream<AnthropicStreamEvent, string>({
          transform(event, controller) {
            controller.enqueue(encodeAnthropicSseEvent(event));
          },
        }),
      ),
    encodeError: (error, requestId) =>
      encodeAnthropicSseEvent(toAnthropicError(error, { requestId }).body),
    toJson: (message) => message,
  };
}
