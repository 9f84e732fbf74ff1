import type { AnthropicSystem } from '@octoproxy/converters';

/** Claude Code's first system block; its `cch` changes every request and defeats prefix caching. */
const billingHeaderPrefix = 'x-anthropic-billing-header:';

/**
 * The system prompt as one text: string or blocks, with empty blocks and Claude Code's rotating
 * billing header dropped.
 */
export function systemPromptText(system: AnthropicSystem | undefined): string {
  if (system === undefined) return '';
  const parts = typeof system === 'string' ? [system] : system.map((block) => block.text);
  return parts
    .filter((text) => text.trim() !== '' && !text.trimStart().startsWith(billingHeaderPrefix))
    .join('\n\n');
}
