import type {
  AnthropicContentBlockParam,
  AnthropicDocumentBlockParam,
  AnthropicImageBlockParam,
  AnthropicRedactedThinkingBlockParam,
  AnthropicTextBlockParam,
  AnthropicThinkingBlockParam,
  AnthropicToolResultBlockParam,
  AnthropicToolUseBlockParam,
} from './request-schema';

/**
 * Type guards for request content blocks. Unknown block types are validated never to use a known
 * `type`, so checking `type` is enough to narrow.
 */
type Block = AnthropicContentBlockParam | { type: string };

/** Whether the block is a `text` block. */
export const isTextBlockParam = (block: Block): block is AnthropicTextBlockParam =>
  block.type === 'text';
/** Whether the block is an `image` block. */
export const isImageBlockParam = (block: Block): block is AnthropicImageBlockParam =>
  block.type === 'image';
/** Whether the block is a `document` block. */
export const isDocumentBlockParam = (block: Block): block is AnthropicDocumentBlockParam =>
  block.type === 'document';
/** Whether the block is a `tool_use` block. */
export const isToolUseBlockParam = (block: Block): block is AnthropicToolUseBlockParam =>
  block.type === 'tool_use';
/** Whether the block is a `tool_result` block. */
export const isToolResultBlockParam = (block: Block): block is AnthropicToolResultBlockParam =>
  block.type === 'tool_result';
/** Whether the block is a `thinking` block. */
export const isThinkingBlockParam = (block: Block): block is AnthropicThinkingBlockParam =>
  block.type === 'thinking';
/** Whether the block is a `redacted_thinking` block. */
export const isRedactedThinkingBlockParam = (
  block: Block,
): block is AnthropicRedactedThinkingBlockParam => block.type === 'redacted_thinking';
