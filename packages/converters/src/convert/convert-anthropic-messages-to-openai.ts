import {
  isDocumentBlockParam,
  isImageBlockParam,
  isRedactedThinkingBlockParam,
  isTextBlockParam,
  isThinkingBlockParam,
  isToolResultBlockParam,
  isToolUseBlockParam,
} from '../anthropic/block-guards';
import type {
  AnthropicContentBlockParam,
  AnthropicMessageParam,
  AnthropicToolResultBlockParam,
} from '../anthropic/request-schema';
import type {
  OpenAIMessageParam,
  OpenAIToolCallParam,
  OpenAIUserContentPart,
} from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';

type Block = AnthropicContentBlockParam;

interface Context {
  warnings: ConversionWarning[];
  param: string;
}

function dropped(block: Block, context: Context): [] {
  context.warnings.push({
    type: 'unsupported',
    param: context.param,
    message: `Content block of type ${block.type} has no OpenAI equivalent; dropped.`,
  });
  return [];
}

function userPart(block: Block, context: Context): OpenAIUserContentPart[] {
  if (isTextBlockParam(block)) return [{ type: 'text', text: block.text }];
  if (isImageBlockParam(block)) {
    const source = block.source;
    if (source.type === 'base64') {
      return [
        {
          type: 'image_url',
          image_url: { url: `data:${source.media_type};base64,${source.data}` },
        },
      ];
    }
    if (source.type === 'url') return [{ type: 'image_url', image_url: { url: source.url } }];
    return dropped(block, context);
  }
  if (isDocumentBlockParam(block)) {
    const source = block.source as Record<string, unknown>;
    if (source['type'] === 'base64' && typeof source['data'] === 'string') {
      const mediaType =
        typeof source['media_type'] === 'string' ? source['media_type'] : 'application/pdf';
      return [
        {
          type: 'file',
          file: {
            file_data: `data:${mediaType};base64,${source['data']}`,
            ...(block.title == null ? {} : { filename: block.title }),
          },
        },
      ];
    }
    if (source['type'] === 'text' && typeof source['data'] === 'string')
      return [{ type: 'text', text: source['data'] }];
    return dropped(block, context);
  }
  return dropped(block, context);
}

function toolResultMessages(
  result: AnthropicToolResultBlockParam,
  context: Context,
): OpenAIMessageParam[] {
  const content = result.content ?? '';
  if (typeof content === 'string')
    return [{ role: 'tool', tool_call_id: result.tool_use_id, content }];
  const parts = content.flatMap((block) => userPart(block as Block, context));
  const texts = parts.flatMap((part) => (part.type === 'text' ? [part] : []));
  const others = parts.filter((part) => part.type !== 'text');
  const messages: OpenAIMessageParam[] = [
    { role: 'tool', tool_call_id: result.tool_use_id, content: texts },
  ];
  if (others.length > 0) {
    context.warnings.push({
      type: 'adjusted',
      param: context.param,
      message:
        'OpenAI tool messages carry text only; images from the tool result follow as a user message.',
    });
    messages.push({
      role: 'user',
      content: [
        { type: 'text', text: `Attachments from tool call ${result.tool_use_id}:` },
        ...others,
      ],
    });
  }
  return messages;
}

function userMessages(blocks: readonly Block[], context: Context): OpenAIMessageParam[] {
  const tools: OpenAIMessageParam[] = [];
  const attachments: OpenAIMessageParam[] = [];
  const parts: OpenAIUserContentPart[] = [];
  blocks.forEach((block, index) => {
    const inner = { ...context, param: `${context.param}.${index}` };
    if (isToolResultBlockParam(block)) {
      const [tool, ...rest] = toolResultMessages(block, inner);
      if (tool !== undefined) tools.push(tool);
      attachments.push(...rest);
    } else {
      parts.push(...userPart(block, inner));
    }
  });
  const user: OpenAIMessageParam[] = parts.length > 0 ? [{ role: 'user', content: parts }] : [];
  return [...tools, ...attachments, ...user];
}

function assistantMessage(blocks: readonly Block[], context: Context): OpenAIMessageParam {
  const text: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: OpenAIToolCallParam[] = [];
  blocks.forEach((block, index) => {
    const inner = { ...context, param: `${context.param}.${index}` };
    if (isTextBlockParam(block)) text.push(block.text);
    else if (isThinkingBlockParam(block)) reasoning.push(block.thinking);
    else if (isToolUseBlockParam(block)) {
      toolCalls.push({
        id: block.id,
        type: 'function',
        function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) },
      });
    } else if (isRedactedThinkingBlockParam(block)) dropped(block, inner);
    else dropped(block, inner);
  });
  return {
    role: 'assistant',
    content: text.length > 0 ? text.join('') : null,
    ...(reasoning.length > 0 ? { reasoning_content: reasoning.join('') } : {}),
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
  };
}

/**
 * Converts Anthropic turns to OpenAI messages: `tool_result` blocks become `tool` messages placed
 * before the rest of their user turn (images in tool results follow as a user message, since OpenAI
 * tool messages carry text only); assistant thinking becomes `reasoning_content`; `tool_use` becomes
 * `tool_calls`; mid-conversation `system` messages stay where they are.
 */
export function convertAnthropicMessagesToOpenAI(
  messages: readonly AnthropicMessageParam[],
  warnings: ConversionWarning[],
): OpenAIMessageParam[] {
  return messages.flatMap((message, index): OpenAIMessageParam[] => {
    const context = { warnings, param: `messages.${index}.content` };
    const blocks: Block[] =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content;
    switch (message.role) {
      case 'system':
        return [
          {
            role: 'system',
            content: blocks
              .flatMap((block) => (isTextBlockParam(block) ? [block.text] : []))
              .join('\n\n'),
          },
        ];
      case 'user':
        return typeof message.content === 'string'
          ? [{ role: 'user', content: message.content }]
          : userMessages(blocks, context);
      case 'assistant':
        return [assistantMessage(blocks, context)];
    }
  });
}
