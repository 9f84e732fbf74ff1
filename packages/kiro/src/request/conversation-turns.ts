import {
  InvalidRequestError,
  type Adaptation,
  type AnthropicContentBlockParam,
  type AnthropicImageBlockParam,
  type AnthropicMessageParam,
} from '@octoproxy/converters';

import { thinkingOfSignature } from '../stream/thinking-signature';
import { cleanToolInput } from './clean-tool-input';
import { searchResultText } from './search-result-text';
import type { KiroImage, KiroImageFormat, KiroToolResult, KiroToolUse } from './kiro-request-types';
import type { ToolNameCodec } from './tool-name-codec';

/** A user turn on its way to a `userInputMessage`. */
export interface UserTurn {
  role: 'user';
  texts: string[];
  images: KiroImage[];
  toolResults: KiroToolResult[];
}

/** An assistant turn on its way to an `assistantResponseMessage`. */
export interface AssistantTurn {
  role: 'assistant';
  thinking: string[];
  texts: string[];
  toolUses: KiroToolUse[];
}

export type Turn = UserTurn | AssistantTurn;

const imageFormats: Readonly<Record<string, KiroImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export function emptyUserTurn(): UserTurn {
  return { role: 'user', texts: [], images: [], toolResults: [] };
}

function emptyAssistantTurn(): AssistantTurn {
  return { role: 'assistant', thinking: [], texts: [], toolUses: [] };
}

/** Kiro takes inline base64 images of four formats; URLs must be resolved before we get here. */
function toKiroImage(
  block: AnthropicImageBlockParam,
  where: string,
  adapted: Adaptation[],
): KiroImage | string {
  const source = block.source;
  if (source.type !== 'base64') {
    throw new InvalidRequestError({
      code: 'unsupported_image_source',
      param: 'messages',
      message: `Image sources of type "${source.type}" are not supported here; send the image as base64 data.`,
    });
  }
  const format = imageFormats[source.media_type.toLowerCase()];
  if (format === undefined) {
    adapted.push({
      kind: 'content_replaced',
      detail: `${where}: ${source.media_type} image replaced by a note (Kiro takes png, jpeg, gif, webp)`,
    });
    return `[Image omitted: unsupported type ${source.media_type}]`;
  }
  return { format, source: { bytes: source.data } };
}

function documentText(
  block: Extract<AnthropicContentBlockParam, { type: 'document' }>,
  where: string,
  adapted: Adaptation[],
): string {
  const source = block.source as Record<string, unknown>;
  const title = typeof block.title === 'string' && block.title ? `${block.title}\n` : '';
  if (source.type === 'text' && typeof source.data === 'string') return `${title}${source.data}`;
  if (source.type === 'content' && Array.isArray(source.content)) {
    const texts = (source.content as unknown[]).flatMap((item) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as { text?: unknown }).text === 'string'
        ? [(item as { text: string }).text]
        : [],
    );
    return `${title}${texts.join('\n')}`;
  }
  adapted.push({
    kind: 'content_replaced',
    detail: `${where}: ${String(source.type)} document replaced by a note (Kiro takes text only)`,
  });
  return `[Document omitted: ${String(source.type)} documents are not supported]`;
}

function toolResultOf(
  block: Extract<AnthropicContentBlockParam, { type: 'tool_result' }>,
  turn: UserTurn,
  adapted: Adaptation[],
): KiroToolResult {
  const where = `tool_result ${block.tool_use_id}`;
  const texts: string[] = [];
  if (typeof block.content === 'string') texts.push(block.content);
  else {
    for (const item of block.content ?? []) {
      const part = item as Record<string, unknown> & { type: string };
      if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      else if (part.type === 'image') {
        const image = toKiroImage(part as AnthropicImageBlockParam, where, adapted);
        if (typeof image === 'string') texts.push(image);
        else {
          turn.images.push(image);
          texts.push('[Image attached to this message]');
        }
      } else if (part.type === 'document') {
        texts.push(
          documentText(
            part as Extract<AnthropicContentBlockParam, { type: 'document' }>,
            where,
            adapted,
          ),
        );
      } else if (part.type === 'search_result') {
        texts.push(searchResultText(part));
        adapted.push({
          kind: 'content_replaced',
          detail: `${where}: search_result sent as a titled source in text`,
        });
      } else {
        texts.push(JSON.stringify(part));
        adapted.push({
          kind: 'content_replaced',
          detail: `${where}: ${part.type} block sent as its JSON text`,
        });
      }
    }
  }
  const text = texts.filter((item) => item.trim() !== '').join('\n');
  return {
    toolUseId: block.tool_use_id,
    status: block.is_error === true ? 'error' : 'success',
    content: [{ text: text === '' ? '(no output)' : text }],
  };
}

function userTurnOf(
  content: AnthropicMessageParam['content'],
  where: string,
  adapted: Adaptation[],
): UserTurn {
  const turn = emptyUserTurn();
  if (typeof content === 'string') {
    turn.texts.push(content);
    return turn;
  }
  for (const block of content) {
    switch (block.type) {
      case 'text':
        turn.texts.push((block as { text: string }).text);
        break;
      case 'image': {
        const image = toKiroImage(block as AnthropicImageBlockParam, where, adapted);
        if (typeof image === 'string') turn.texts.push(image);
        else turn.images.push(image);
        break;
      }
      case 'document':
        turn.texts.push(
          documentText(
            block as Extract<AnthropicContentBlockParam, { type: 'document' }>,
            where,
            adapted,
          ),
        );
        break;
      case 'tool_result':
        turn.toolResults.push(
          toolResultOf(
            block as Extract<AnthropicContentBlockParam, { type: 'tool_result' }>,
            turn,
            adapted,
          ),
        );
        break;
      case 'search_result':
        turn.texts.push(searchResultText(block));
        adapted.push({
          kind: 'content_replaced',
          detail: `${where}: search_result sent as a titled source in text`,
        });
        break;
      default:
        // thinking, tool_use and server-tool blocks have no meaning in a user turn.
        adapted.push({
          kind: 'content_dropped',
          detail: `${where}: ${block.type} block in a user turn left out`,
        });
        break;
    }
  }
  return turn;
}

function assistantTurnOf(
  content: AnthropicMessageParam['content'],
  toolNames: ToolNameCodec,
  where: string,
  adapted: Adaptation[],
): AssistantTurn {
  const turn = emptyAssistantTurn();
  if (typeof content === 'string') {
    turn.texts.push(content);
    return turn;
  }
  for (const block of content) {
    switch (block.type) {
      case 'text':
        turn.texts.push((block as { text: string }).text);
        break;
      case 'thinking': {
        const { thinking, signature } = block as { thinking: string; signature?: string };
        // `display: "omitted"` clients replay the block without its text; our signature carries it.
        turn.thinking.push(
          thinking !== '' ? thinking : (thinkingOfSignature(signature ?? '') ?? thinking),
        );
        break;
      }
      case 'tool_use': {
        const use = block as Extract<AnthropicContentBlockParam, { type: 'tool_use' }>;
        const { input, droppedKeys } = cleanToolInput(use.input);
        if (droppedKeys.length > 0) {
          adapted.push({
            kind: 'content_replaced',
            detail: `${where}: tool_use ${use.id} replayed without its empty-string keys (${droppedKeys.join(', ')})`,
          });
        }
        turn.toolUses.push({ toolUseId: use.id, name: toolNames.encode(use.name), input });
        break;
      }
      default:
        // redacted_thinking and server-tool blocks cannot be replayed to Kiro.
        adapted.push({
          kind: 'content_dropped',
          detail: `${where}: ${block.type} block cannot be replayed upstream; left out`,
        });
        break;
    }
  }
  return turn;
}

/**
 * Converts Anthropic messages into turns. Mid-conversation `system` messages become user text;
 * empty text is dropped; `cache_control` and unknown blocks are never copied.
 */
export function toTurns(
  messages: readonly AnthropicMessageParam[],
  toolNames: ToolNameCodec,
  adapted: Adaptation[] = [],
): Turn[] {
  return messages.map((message, index) => {
    const where = `messages.${String(index)}`;
    const turn =
      message.role === 'assistant'
        ? assistantTurnOf(message.content, toolNames, where, adapted)
        : userTurnOf(message.content, where, adapted);
    turn.texts = turn.texts.filter((text) => text.trim() !== '');
    return turn;
  });
}
