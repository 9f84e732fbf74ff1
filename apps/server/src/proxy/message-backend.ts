import type { AnthropicMessagesRequest, AnthropicStreamEvent } from '@octoproxy/converters';

/** Who asks, for routing, limits and the request log. */
export interface UpstreamRequestContext {
  requestId: string;
  apiKeyId: string | undefined;
  /** Keeps one conversation on one account (Kiro's prompt cache is per account). */
  conversationKey: string | undefined;
  /** Aborted when the client disconnects or a timeout fires; must abort the upstream call. */
  signal: AbortSignal;
}

/** An upstream answer whose first event has arrived: response headers may leave now. */
export interface OpenedStream {
  /** Anthropic events, starting with `message_start`. Cancelling it aborts the upstream call. */
  events: ReadableStream<AnthropicStreamEvent>;
  accountId: string | undefined;
  /** Upstream attempts made, including failed ones on other accounts. */
  attempts: number;
  /** Whether `usage.input_tokens` in the final `message_delta` came from the upstream's own report. */
  reportsInputTokens: boolean;
}

/**
 * Where requests go: the account pool in front of the Kiro client. `open` tries accounts until one
 * produces its first event (failover before the first byte) and rejects with an `OctoProxyError`
 * when none can.
 */
export interface MessageBackend {
  open(request: AnthropicMessagesRequest, context: UpstreamRequestContext): Promise<OpenedStream>;
}
