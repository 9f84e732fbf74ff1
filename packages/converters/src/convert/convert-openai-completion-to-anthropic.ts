import type { AnthropicContentBlock, AnthropicMessage } from '../anthropic/message';
import type { OpenAIChatCompletion } from '../openai/chat-completion';
import { wrapCustomToolInput } from './custom-tool';
import { malformedUpstream } from './malformed-upstream';
import { mapOpenAIFinishReason } from './map-stop-reason';
import { openAIUsageToAnthropic } from './map-usage';
import { parseToolArguments } from './parse-tool-arguments';
import { anthropicMessageIdFor } from './response-ids';
import { createToolIdMapper } from './tool-id-mapper';

/**
 * Converts a non-stream OpenAI chat completion (first choice) to an Anthropic message:
 * `reasoning_content` (or `reasoning`) becomes a thinking block, `content` and `refusal` text,
 * `tool_calls` `tool_use` blocks (custom calls wrapped as `{input}`; ids Anthropic would reject are
 * mapped), finish reason and usage mapped. Arguments that are not a JSON object are an upstream error,
 * unless the answer was cut by the length limit, where the call keeps an empty input.
 */
export function convertOpenAICompletionToAnthropic(
  completion: OpenAIChatCompletion,
  options: { model?: string } = {},
): AnthropicMessage {
  const choice = completion.choices[0];
  if (choice === undefined) throw malformedUpstream('The upstream completion has no choices.');
  const message = choice.message as OpenAIChatCompletion['choices'][number]['message'] & {
    reasoning?: string;
  };
  const content: AnthropicContentBlock[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (typeof reasoning === 'string' && reasoning !== '') {
    content.push({ type: 'thinking', thinking: reasoning, signature: '' });
  }
  for (const text of [message.content, message.refusal]) {
    if (typeof text === 'string' && text !== '') content.push({ type: 'text', text });
  }
  const calls = message.tool_calls ?? [];
  const mapId = createToolIdMapper(calls.map((call) => call.id));
  for (const call of calls) {
    if (call.type === 'custom') {
      content.push({
        type: 'tool_use',
        id: mapId(call.id),
        name: call.custom.name,
        input: wrapCustomToolInput(call.custom.input),
      });
      continue;
    }
    const input = parseToolArguments(call.function.arguments);
    if (input === undefined && choice.finish_reason !== 'length') {
      throw malformedUpstream(`Tool call ${call.id} has arguments that are not a JSON object.`);
    }
    content.push({
      type: 'tool_use',
      id: mapId(call.id),
      name: call.function.name,
      input: input ?? {},
    });
  }
  return {
    id: anthropicMessageIdFor(completion.id),
    type: 'message',
    role: 'assistant',
    model: options.model ?? completion.model,
    content,
    stop_reason: mapOpenAIFinishReason(choice.finish_reason),
    stop_sequence: null,
    usage: openAIUsageToAnthropic(completion.usage),
  };
}
