import type { AnthropicStopReason } from '../anthropic/message';
import type { OpenAIFinishReason } from '../openai/chat-completion';

/**
 * Anthropic `stop_reason` → OpenAI `finish_reason`. `pause_turn` (a server tool paused the turn) is
 * reported as `stop`; a context-window stop as `length`. A turn that called tools always finishes with
 * `tool_calls`, because OpenAI clients look for tool calls only then (unless it was cut short).
 * @see https://docs.claude.com/en/api/handling-stop-reasons
 */
export function mapAnthropicStopReason(options: {
  stopReason: AnthropicStopReason | null;
  hasToolCalls: boolean;
}): OpenAIFinishReason {
  const { stopReason, hasToolCalls } = options;
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    case 'tool_use':
      return hasToolCalls ? 'tool_calls' : 'stop';
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
    case null:
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}

/**
 * OpenAI `finish_reason` → Anthropic `stop_reason`. `stop` becomes `end_turn` (OpenAI does not say
 * which stop sequence matched); both tool-call reasons become `tool_use`.
 */
export function mapOpenAIFinishReason(finishReason: OpenAIFinishReason): AnthropicStopReason {
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    case 'stop':
      return 'end_turn';
  }
}
