import type { AnthropicErrorBody } from '../errors/error-bodies';
import type {
  AnthropicMessage,
  AnthropicRedactedThinkingBlock,
  AnthropicStopReason,
  AnthropicUsage,
} from './message';

/**
 * What we build: Anthropic stream events. Order: `message_start`, then per block
 * `content_block_start` → deltas → `content_block_stop` (indexes 0, 1, 2…, one open block at a time),
 * then `message_delta`, then `message_stop`. `ping` may appear anywhere; `error` ends the stream.
 * @see https://docs.claude.com/en/docs/build-with-claude/streaming
 */

export interface AnthropicMessageStartEvent {
  type: 'message_start';
  /** `content` is empty and `stop_reason` null; `usage.input_tokens` is the real prompt size, never 0. */
  message: AnthropicMessage;
}

export type AnthropicStreamContentBlock =
  | { type: 'text'; text: '' }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, never> }
  | { type: 'thinking'; thinking: ''; signature: '' }
  | AnthropicRedactedThinkingBlock;

export interface AnthropicContentBlockStartEvent {
  type: 'content_block_start';
  index: number;
  content_block: AnthropicStreamContentBlock;
}

export type AnthropicContentDelta =
  | { type: 'text_delta'; text: string }
  | { type: 'input_json_delta'; partial_json: string }
  | { type: 'thinking_delta'; thinking: string }
  | { type: 'signature_delta'; signature: string }
  | { type: 'citations_delta'; citation: unknown };

export interface AnthropicContentBlockDeltaEvent {
  type: 'content_block_delta';
  index: number;
  delta: AnthropicContentDelta;
}

export interface AnthropicContentBlockStopEvent {
  type: 'content_block_stop';
  index: number;
}

export interface AnthropicMessageDeltaEvent {
  type: 'message_delta';
  delta: { stop_reason: AnthropicStopReason | null; stop_sequence: string | null };
  /** Cumulative: `output_tokens` is the total so far; input fields only when they changed. */
  usage: Partial<AnthropicUsage> & { output_tokens: number };
}

export interface AnthropicMessageStopEvent {
  type: 'message_stop';
}

export interface AnthropicPingEvent {
  type: 'ping';
}

export type AnthropicErrorEvent = AnthropicErrorBody;

export type AnthropicStreamEvent =
  | AnthropicMessageStartEvent
  | AnthropicContentBlockStartEvent
  | AnthropicContentBlockDeltaEvent
  | AnthropicContentBlockStopEvent
  | AnthropicMessageDeltaEvent
  | AnthropicMessageStopEvent
  | AnthropicPingEvent
  | AnthropicErrorEvent;
