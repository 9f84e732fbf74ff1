import type {
  Adaptation,
  AnthropicMessagesRequest,
  AnthropicStreamEvent,
} from '@octoproxy/converters';

/** One upstream attempt of a request: which account, and how it ended. */
export interface UpstreamAttempt {
  accountId: string;
  /**
   * `success`, or why not: the pool's failure class (`misconfigured`, `transient`, `auth`…), or
   * `stream_failed` when the committed stream broke after its first event.
   */
  outcome: string;
  /** The specific cause, e.g. `unknown_host`; null on success. */
  reason: string | null;
  /** A safe one-line description (no secrets); null on success. */
  message: string | null;
  durationMs: number;
}

/** Who asks, for routing, limits and the request log. */
export interface UpstreamRequestContext {
  requestId: string;
  apiKeyId: string | undefined;
  /** Keeps one conversation on one account (Kiro's prompt cache is per account). */
  stickyKey: string | undefined;
  /** The client's session id (Claude Code's `x-claude-code-session-id`), for the upstream conversation id. */
  sessionId: string | undefined;
  /** Our prompt token estimate, used upstream where it beats the upstream client's own. */
  inputTokens: number;
  /** Aborted when the client disconnects or a timeout fires; must abort the upstream call. */
  signal: AbortSignal;
  /** The backend appends each attempt as it ends, also when the request fails in the end. */
  attemptLog: UpstreamAttempt[];
}

/** An upstream answer whose first event has arrived: response headers may leave now. */
export interface OpenedStream {
  /** Anthropic events, starting with `message_start`. Cancelling it aborts the upstream call. */
  events: ReadableStream<AnthropicStreamEvent>;
  accountId: string | undefined;
  /** Upstream attempts made, including failed ones on other accounts. */
  attempts: number;
  /** Resolves when the stream has ended (however it ended); never rejects. */
  summary: Promise<UpstreamSummary>;
  /** What the upstream client changed so the upstream takes the request (tools, content…). */
  adaptations?: readonly Adaptation[];
}

/** What the upstream itself reported about one answer. */
export interface UpstreamSummary {
  /** Prompt tokens as the upstream counted them; undefined when it reported none (an estimate). */
  upstreamInputTokens: number | undefined;
  /** What the answer cost upstream (Kiro credits), when reported. */
  credits: number | undefined;
}

/**
 * Where requests go: the account pool in front of the Kiro client. `open` tries accounts until one
 * produces its first event (failover before the first byte) and rejects with an `OctoProxyError`
 * when none can.
 */
export interface MessageBackend {
  open(request: AnthropicMessagesRequest, context: UpstreamRequestContext): Promise<OpenedStream>;
}
