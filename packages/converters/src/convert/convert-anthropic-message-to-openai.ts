import type { AnthropicMessage } from '../anthropic/message';
import type { OpenAIChatCompletion, OpenAIToolCall } from '../openai/chat-completion';
import { unwrapCustomToolInput } from './custom-tool';
import { mapAnthropicStopReason } from './map-stop-reason';
import { anthropicUsageToOpenAI } from './map-usage';
import { openAICompletionIdFor, unixSeconds } from './response-ids';

export interface ConvertAnthropicResponseOptions {
  /** Names of tools that were OpenAI `custom` tools: their calls come back as custom calls. */
  customToolNames?: Iterable<string>;
  /**
   * The request used the legacy `functions` (see `ConvertOpenAIRequestResult.legacyFunctions`): the
   * call comes back as `message.function_call` with `finish_reason: "function_call"`, as OpenAI does.
   */
  legacyFunctions?: boolean;
  /** The model name to report; default: the message's model. */
  model?: string;
  /** `created` in Unix seconds; default: now. */
  created?: number;
}

/**
 * Converts a non-stream Anthropic message to an OpenAI chat completion: text joined into `content`
 * (`null` when there is none), thinking into `reasoning_content`, `tool_use` into `tool_calls` (custom
 * tools unwrapped to their raw input) or, for legacy `functions` requests, the first call into
 * `function_call`; stop reason and usage mapped (see the README tables).
 */
export function convertAnthropicMessageToOpenAI(
  message: AnthropicMessage,
  options: ConvertAnthropicResponseOptions = {},
): OpenAIChatCompletion {
  const custom = new Set(options.customToolNames ?? []);
  const text: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: OpenAIToolCall[] = [];
  for (const block of message.content) {
    switch (block.type) {
      case 'text':
        text.push(block.text);
        break;
      case 'thinking':
        reasoning.push(block.thinking);
        break;
      case 'redacted_thinking':
        break;
      case 'tool_use':
        toolCalls.push(
          custom.has(block.name)
            ? {
                id: block.id,
                type: 'custom',
                custom: { name: block.name, input: unwrapCustomToolInput(block.input) },
              }
            : {
                id: block.id,
                type: 'function',
                function: { name: block.name, arguments: JSON.stringify(block.input) },
              },
        );
        break;
    }
  }
  const finishReason = mapAnthropicStopReason({
    stopReason: message.stop_reason,
    hasToolCalls: toolCalls.length > 0,
  });
  // The legacy shape holds one call; the request asked the upstream for no parallel calls.
  const legacyCall = options.legacyFunctions === true ? toolCalls[0] : undefined;
  const calls =
    legacyCall?.type === 'function'
      ? { function_call: legacyCall.function }
      : toolCalls.length > 0
        ? { tool_calls: toolCalls }
        : {};
  return {
    id: openAICompletionIdFor(message.id),
    object: 'chat.completion',
    created: options.created ?? unixSeconds(),
    model: options.model ?? message.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text.length > 0 ? text.join('') : null,
          refusal: null,
          ...(reasoning.length > 0 ? { reasoning_content: reasoning.join('') } : {}),
          ...calls,
        },
        logprobs: null,
        finish_reason:
          legacyCall !== undefined && finishReason === 'tool_calls'
            ? 'function_call'
            : finishReason,
      },
    ],
    usage: anthropicUsageToOpenAI(message.usage),
  };
}
