import type { AnthropicStopReason } from '@octoproxy/converters';

import type { KiroError } from '../errors/kiro-error';
import type { KiroPromptTooLongError } from '../errors/kiro-errors';

/** What one answer cost and how it ended; resolved when the stream ends. */
export interface KiroStreamSummary {
  /** `null` when the answer failed before it finished. */
  stopReason: AnthropicStopReason | null;
  /** Prompt tokens excluding cache reads and writes (Anthropic's `input_tokens`). */
  inputTokens: number;
  /** Where `inputTokens` came from. */
  inputTokensSource: 'estimate' | 'context_usage' | 'metadata';
  outputTokens: number;
  /** Whether `outputTokens` is Kiro's count (`metadataEvent`) rather than our estimate. */
  outputTokensExact: boolean;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
  /** Kiro's charge for the request (`meteringEvent.usage`), usually in credits. */
  credits: number | undefined;
  creditUnit: string | undefined;
  /** How full the context window was, 0–100 (`contextUsageEvent`). */
  contextUsagePercentage: number | undefined;
  /** Kiro's own ids for the exchange (`messageMetadataEvent`). */
  upstreamConversationId: string | undefined;
  utteranceId: string | undefined;
  toolCalls: number;
  /** Set when the stream failed; the client saw an `error` event or a stream error. */
  error: KiroError | KiroPromptTooLongError | undefined;
}
