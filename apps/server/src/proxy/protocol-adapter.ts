import type { AnthropicMessage, AnthropicStreamEvent } from '@octoproxy/converters';

/** How one client protocol renders the hub's answer: SSE frames, keepalives, errors, final JSON. */
export interface ProtocolAdapter {
  readonly protocol: 'anthropic' | 'openai';
  /** The keepalive frame sent while the upstream is silent. */
  readonly keepalive: string;
  /** Encodes the event stream as whole SSE frames, including the protocol's closing frame. */
  toSse(events: ReadableStream<AnthropicStreamEvent>): ReadableStream<string>;
  /** The in-band error frame that ends a stream whose headers already left. */
  encodeError(error: unknown, requestId: string): string;
  /** The non-stream response body. */
  toJson(message: AnthropicMessage): unknown;
}
