import type {
  AnthropicContentBlockParam,
  AnthropicMessageParam,
  AnthropicTextBlockParam,
} from '../anthropic/request-schema';
import type { OpenAIAssistantMessageParam, OpenAIMessageParam } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { convertOpenAIUserContent } from './convert-openai-user-content';
import { wrapCustomToolInput } from './custom-tool';
import { withSpeakerLabel } from './speaker-label';
import { placeSystemImages } from './system-images';
import { createToolIdMapper } from './tool-id-mapper';

/** The messages of an OpenAI request, split the Anthropic way. */
export interface ConvertedMessages {
  /** All `system` and `developer` messages, in order, wherever they appeared. */
  system: AnthropicTextBlockParam[];
  /** User and assistant turns, not yet normalized. */
  messages: AnthropicMessageParam[];
}

interface Context {
  warnings: ConversionWarning[];
  /** Images found in system and developer messages, for the first user message. */
  systemImages: { block: AnthropicContentBlockParam; param: string }[];
  mapToolId: (id: string) => string;
  /** Legacy `function_call`s still waiting for their `function` message, by function name. */
  pendingLegacyCalls: Map<string, string[]>;
}

function parseArguments(
  text: string,
  param: string,
  warnings: ConversionWarning[],
): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  warnings.push({
    type: 'adjusted',
    param,
    message: 'Tool call arguments are not a JSON object; sent as an empty object.',
  });
  return {};
}

function thinkingBlocks(message: OpenAIAssistantMessageParam): AnthropicContentBlockParam[] {
  if (message.thinking_blocks != null && message.thinking_blocks.length > 0) {
    return message.thinking_blocks.flatMap((block): AnthropicContentBlockParam[] => {
      if (block.type === 'redacted_thinking' && block.data !== undefined) {
        return [{ type: 'redacted_thinking', data: block.data }];
      }
      if (block.type !== 'thinking' || block.thinking === undefined || block.thinking === '')
        return [];
      return [
        {
          type: 'thinking',
          thinking: block.thinking,
          ...(block.signature === undefined ? {} : { signature: block.signature }),
        },
      ];
    });
  }
  const reasoning = message.reasoning_content ?? message.reasoning;
  return reasoning == null || reasoning.trim() === ''
    ? []
    : [{ type: 'thinking', thinking: reasoning }];
}

function assistantBlocks(
  message: OpenAIAssistantMessageParam,
  index: number,
  context: Context,
): AnthropicContentBlockParam[] {
  const blocks = thinkingBlocks(message);
  const content = message.content;
  if (typeof content === 'string') blocks.push({ type: 'text', text: content });
  else if (content != null) {
    for (const part of content) {
      blocks.push({ type: 'text', text: part.type === 'text' ? part.text : part.refusal });
    }
  }
  if (message.refusal != null) blocks.push({ type: 'text', text: message.refusal });
  (message.tool_calls ?? []).forEach((call, callIndex) => {
    const id = context.mapToolId(call.id);
    if (call.type === 'function') {
      const param = `messages.${index}.tool_calls.${callIndex}.function.arguments`;
      blocks.push({
        type: 'tool_use',
        id,
        name: call.function.name,
        input: parseArguments(call.function.arguments, param, context.warnings),
      });
    } else {
      blocks.push({
        type: 'tool_use',
        id,
        name: call.custom.name,
        input: wrapCustomToolInput(call.custom.input),
      });
    }
  });
  if (message.function_call != null) {
    const id = `call_legacy_${index}`;
    const queue = context.pendingLegacyCalls.get(message.function_call.name) ?? [];
    queue.push(id);
    context.pendingLegacyCalls.set(message.function_call.name, queue);
    const param = `messages.${index}.function_call.arguments`;
    blocks.push({
      type: 'tool_use',
      id,
      name: message.function_call.name,
      input: parseArguments(message.function_call.arguments, param, context.warnings),
    });
  }
  return blocks;
}

function noteSpeakerLabel(name: string | undefined, index: number, context: Context): void {
  if (name === undefined || name.trim() === '') return;
  context.warnings.push({
    type: 'adjusted',
    kind: 'content_replaced',
    param: `messages.${index}.name`,
    message: 'The participant name is sent as a speaker label before the message text.',
  });
}

/** System text stays in `system`; images are set aside for the first user message. */
function systemBlocks(
  message: Extract<OpenAIMessageParam, { role: 'system' | 'developer' }>,
  index: number,
  context: Context,
): AnthropicTextBlockParam[] {
  const { content } = message;
  const texts: string[] = [];
  if (typeof content === 'string') texts.push(content);
  else {
    content.forEach((part, partIndex) => {
      if (part.type === 'text') {
        texts.push(part.text);
        return;
      }
      const param = `messages.${index}.content.${partIndex}`;
      const [block] = convertOpenAIUserContent({
        content: [part],
        param,
        warnings: context.warnings,
      });
      if (block !== undefined) context.systemImages.push({ block, param });
    });
  }
  const label = message.name === undefined || message.name.trim() === '' ? '' : `${message.name}: `;
  if (label !== '' && texts.length > 0) noteSpeakerLabel(message.name, index, context);
  return texts.map((text, at) => ({ type: 'text', text: at === 0 ? `${label}${text}` : text }));
}

function convertMessage(
  message: OpenAIMessageParam,
  index: number,
  context: Context,
): AnthropicMessageParam | AnthropicTextBlockParam[] {
  switch (message.role) {
    case 'system':
    case 'developer':
      return systemBlocks(message, index, context);
    case 'user':
      noteSpeakerLabel(message.name, index, context);
      return {
        role: 'user',
        content: withSpeakerLabel(
          convertOpenAIUserContent({
            content: message.content,
            param: `messages.${index}.content`,
            warnings: context.warnings,
          }),
          message.name,
        ),
      };
    case 'assistant':
      noteSpeakerLabel(message.name, index, context);
      return {
        role: 'assistant',
        content: withSpeakerLabel(assistantBlocks(message, index, context), message.name),
      };
    case 'tool':
      return {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: context.mapToolId(message.tool_call_id),
            content:
              typeof message.content === 'string'
                ? message.content
                : message.content.map((part) => ({ type: 'text' as const, text: part.text })),
          },
        ],
      };
    case 'function': {
      const id =
        context.pendingLegacyCalls.get(message.name)?.shift() ?? `call_legacy_${message.name}`;
      return {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: context.mapToolId(id),
            content: message.content ?? '',
          },
        ],
      };
    }
  }
}

function collectToolIds(messages: readonly OpenAIMessageParam[]): string[] {
  return messages.flatMap((message) => {
    if (message.role === 'tool') return [message.tool_call_id];
    if (message.role === 'assistant') return (message.tool_calls ?? []).map((call) => call.id);
    return [];
  });
}

/**
 * Converts OpenAI messages to Anthropic turns: `system`/`developer` messages (anywhere, including
 * mid-conversation) are hoisted into `system`, in order (their images go to the first user message,
 * see {@link placeSystemImages}); a message `name` becomes a speaker label; assistant messages become thinking
 * (`reasoning_content`, `reasoning` or `thinking_blocks`), text and `tool_use` blocks; `tool` and
 * legacy `function` messages become `tool_result` blocks in user turns. Tool ids Anthropic would
 * reject are mapped with {@link createToolIdMapper}, identically on both sides.
 */
export function convertOpenAIMessages(
  messages: readonly OpenAIMessageParam[],
  warnings: ConversionWarning[],
): ConvertedMessages {
  const context: Context = {
    warnings,
    systemImages: [],
    mapToolId: createToolIdMapper(collectToolIds(messages)),
    pendingLegacyCalls: new Map(),
  };
  const system: AnthropicTextBlockParam[] = [];
  const turns: AnthropicMessageParam[] = [];
  messages.forEach((message, index) => {
    const converted = convertMessage(message, index, context);
    if (Array.isArray(converted))
      system.push(...converted.filter((block) => block.text.trim() !== ''));
    else turns.push(converted);
  });
  return { system, messages: placeSystemImages(turns, context.systemImages, warnings) };
}
