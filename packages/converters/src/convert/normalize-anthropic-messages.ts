import type {
  AnthropicContentBlockParam,
  AnthropicMessageParam,
  AnthropicToolResultBlockParam,
} from '../anthropic/request-schema';
import {
  isImageBlockParam,
  isTextBlockParam,
  isToolResultBlockParam,
  isToolUseBlockParam,
} from '../anthropic/block-guards';
import type { ConversionWarning } from './conversion-warning';
import { resolveBase64ImageMediaType } from './image-source';

type Block = AnthropicContentBlockParam;
type Role = AnthropicMessageParam['role'];

interface Turn {
  role: Role;
  blocks: Block[];
}

const isBlankText = (block: Block): boolean => isTextBlockParam(block) && block.text.trim() === '';

function fixImage(block: Block, param: string, warnings: ConversionWarning[]): Block {
  if (!isImageBlockParam(block) || block.source.type !== 'base64') return block;
  const mediaType = resolveBase64ImageMediaType({
    declared: block.source.media_type,
    data: block.source.data,
    param,
    warnings,
  });
  return mediaType === block.source.media_type
    ? block
    : { ...block, source: { ...block.source, media_type: mediaType } };
}

function cleanToolResult(
  block: AnthropicToolResultBlockParam,
  param: string,
  warnings: ConversionWarning[],
): AnthropicToolResultBlockParam {
  const { content, ...rest } = block;
  if (typeof content === 'string') return content.trim() === '' ? rest : block;
  if (content === undefined) return block;
  const kept = content
    .map((inner, index) =>
      isBlankText(inner as Block)
        ? undefined
        : fixImage(inner as Block, `${param}.content.${index}`, warnings),
    )
    .filter((inner) => inner !== undefined);
  return kept.length === 0 ? rest : { ...rest, content: kept };
}

function cleanBlocks(
  message: AnthropicMessageParam,
  index: number,
  warnings: ConversionWarning[],
): Block[] {
  const blocks: Block[] =
    typeof message.content === 'string'
      ? [{ type: 'text', text: message.content }]
      : message.content;
  return blocks
    .map((block, blockIndex) => {
      if (isBlankText(block)) return undefined;
      const param = `messages.${index}.content.${blockIndex}`;
      if (isToolResultBlockParam(block)) return cleanToolResult(block, param, warnings);
      return fixImage(block, param, warnings);
    })
    .filter((block) => block !== undefined);
}

function toolResultText(result: AnthropicToolResultBlockParam): { text: string; rest: Block[] } {
  if (typeof result.content === 'string') return { text: result.content, rest: [] };
  const blocks = (result.content ?? []) as Block[];
  const text = blocks
    .map((block) => (isTextBlockParam(block) ? block.text : ''))
    .filter((part) => part !== '')
    .join('\n');
  return { text, rest: blocks.filter((block) => block.type !== 'text') };
}

/** A tool result with no matching tool call keeps its content as plain text. */
function orphanToText(result: AnthropicToolResultBlockParam): Block[] {
  const { text, rest } = toolResultText(result);
  const label = result.is_error === true ? 'Error from tool call' : 'Result of tool call';
  return [{ type: 'text', text: `${label} ${result.tool_use_id}:\n${text || '(empty)'}` }, ...rest];
}

const isToolResult = isToolResultBlockParam;

function toolUseIds(turn: Turn): string[] {
  return turn.blocks.flatMap((block) => (isToolUseBlockParam(block) ? [block.id] : []));
}

function pairUserTurn(
  turn: Turn,
  expected: readonly string[],
  warnings: ConversionWarning[],
): Turn {
  const results = new Map<string, AnthropicToolResultBlockParam>();
  const others: Block[] = [];
  for (const block of turn.blocks) {
    if (!isToolResult(block)) {
      others.push(block);
    } else if (expected.includes(block.tool_use_id) && !results.has(block.tool_use_id)) {
      results.set(block.tool_use_id, block);
    } else {
      warnings.push({
        type: 'adjusted',
        param: 'messages',
        message: `Tool result ${block.tool_use_id} answers no tool call in the previous assistant turn; sent as text.`,
      });
      others.push(...orphanToText(block));
    }
  }
  const missing = expected.filter((id) => !results.has(id));
  return {
    role: 'user',
    blocks: [...results.values(), ...synthesizeResults(missing, warnings), ...others],
  };
}

/**
 * Puts each tool call's result first in the next user turn, converting orphans and filling gaps.
 * Mid-conversation `system` turns are transparent: a result may follow one.
 */
function pairToolResults(turns: readonly Turn[], warnings: ConversionWarning[]): Turn[] {
  const output: Turn[] = [];
  let pending: string[] = [];
  for (const turn of turns) {
    switch (turn.role) {
      case 'system':
        output.push(turn);
        break;
      case 'user':
        output.push(pairUserTurn(turn, pending, warnings));
        pending = [];
        break;
      case 'assistant':
        if (pending.length > 0) {
          output.push({ role: 'user', blocks: synthesizeResults(pending, warnings) });
        }
        output.push(turn);
        pending = toolUseIds(turn);
        break;
    }
  }
  if (pending.length > 0)
    output.push({ role: 'user', blocks: synthesizeResults(pending, warnings) });
  return output;
}

function synthesizeResults(ids: readonly string[], warnings: ConversionWarning[]): Block[] {
  return ids.map((id) => {
    warnings.push({
      type: 'adjusted',
      param: 'messages',
      message: `Tool call ${id} has no result; an error result was added.`,
    });
    return {
      type: 'tool_result',
      tool_use_id: id,
      content: 'No result was provided for this tool call.',
      is_error: true,
    };
  });
}

/**
 * Makes a message list acceptable to Anthropic-compatible upstreams, deterministically:
 * empty and whitespace-only text blocks dropped (also inside tool results), base64 image media types
 * fixed (`image/jpg`, wrong declarations, SVG rejected), messages left empty removed, consecutive
 * same-role messages merged, and tool results paired with the tool calls right before them: each
 * user turn opens with the results, orphan results become text, and calls without a result get an
 * error result. Mid-conversation `system` messages are left where they are.
 */
export function normalizeAnthropicMessages(
  messages: readonly AnthropicMessageParam[],
  warnings: ConversionWarning[] = [],
): AnthropicMessageParam[] {
  const merged: Turn[] = [];
  messages.forEach((message, index) => {
    const blocks = cleanBlocks(message, index, warnings);
    if (blocks.length === 0) return;
    const previous = merged[merged.length - 1];
    if (previous?.role === message.role) previous.blocks.push(...blocks);
    else merged.push({ role: message.role, blocks });
  });
  const hasToolBlocks = merged.some((turn) =>
    turn.blocks.some((block) => block.type === 'tool_use' || block.type === 'tool_result'),
  );
  const paired = hasToolBlocks ? pairToolResults(merged, warnings) : merged;
  return paired.map((turn) => ({ role: turn.role, content: turn.blocks }));
}
