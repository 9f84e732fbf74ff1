import type { AnthropicCountTokensRequest } from '@octoproxy/converters';

import { estimateImageTokens } from './image-token-estimate';
import type { Tokenize } from './text-tokenizer';

/** Framing the upstream adds around each message and tool (role markers, separators). */
const perMessageOverhead = 4;
const perToolOverhead = 8;
const billingHeaderPrefix = 'x-anthropic-billing-header:';

function countBlocks(blocks: unknown, tokenize: Tokenize): number {
  if (typeof blocks === 'string') return tokenize(blocks);
  if (!Array.isArray(blocks)) return 0;
  let total = 0;
  for (const block of blocks as Record<string, unknown>[]) total += countBlock(block, tokenize);
  return total;
}

function countBlock(block: Record<string, unknown>, tokenize: Tokenize): number {
  switch (block.type) {
    case 'text':
      return typeof block.text === 'string' ? tokenize(block.text) : 0;
    case 'thinking':
      return typeof block.thinking === 'string' ? tokenize(block.thinking) + 4 : 0;
    case 'redacted_thinking':
      return typeof block.data === 'string' ? Math.ceil(block.data.length / 4) : 0;
    case 'tool_use':
      return (
        tokenize(typeof block.name === 'string' ? block.name : '') +
        tokenize(JSON.stringify(block.input ?? {})) +
        4
      );
    case 'tool_result':
      return countBlocks(block.content, tokenize) + 4;
    case 'image': {
      const source = block.source as { type?: string; data?: unknown } | undefined;
      return source?.type === 'base64' && typeof source.data === 'string'
        ? estimateImageTokens(source.data)
        : 1600;
    }
    case 'document': {
      const source = block.source as { type?: string; data?: unknown } | undefined;
      if (source?.type === 'text' && typeof source.data === 'string') return tokenize(source.data);
      return 1600;
    }
    default:
      return tokenize(JSON.stringify(block));
  }
}

/**
 * Raw tokenizer count of everything the upstream will see: system (without Claude Code's rotating
 * billing header, which is stripped before sending), tool definitions, and every message block
 * including tool calls, tool results, thinking and images. Calibration is applied by the caller.
 */
export function countRequestTokens(
  request: Pick<AnthropicCountTokensRequest, 'system' | 'tools' | 'messages'>,
  tokenize: Tokenize,
): number {
  let total = 0;
  if (typeof request.system === 'string') total += tokenize(request.system);
  else if (Array.isArray(request.system)) {
    for (const block of request.system) {
      if (!block.text.startsWith(billingHeaderPrefix)) total += tokenize(block.text);
    }
  }
  for (const tool of request.tools ?? []) {
    total += perToolOverhead + tokenize(tool.name) + tokenize(tool.description ?? '');
    total += tokenize(JSON.stringify(tool.input_schema ?? {}));
  }
  for (const message of request.messages) {
    total += perMessageOverhead + countBlocks(message.content, tokenize);
  }
  return total;
}
