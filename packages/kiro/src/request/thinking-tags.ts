import type { AnthropicMessagesRequest } from '@octoproxy/converters';

export interface ThinkingTagOptions {
  /** Budgets are clamped to this range. Default 1024..24576. */
  minBudgetTokens?: number;
  maxBudgetTokens?: number;
}

export const defaultMinThinkingBudget = 1024;
export const defaultMaxThinkingBudget = 24_576;

/** Whether the client asked for thinking (`enabled` or `adaptive`). */
export function isThinkingRequested(request: Pick<AnthropicMessagesRequest, 'thinking'>): boolean {
  return request.thinking?.type === 'enabled' || request.thinking?.type === 'adaptive';
}

function effortTag(effort: string | undefined): 'low' | 'medium' | 'high' {
  if (effort === 'low' || effort === 'medium') return effort;
  return 'high';
}

/**
 * Kiro has no thinking field: the Kiro IDE asks for thinking with tags at the start of the prompt.
 * Returns the tags for this request, or '' when thinking is off.
 */
export function thinkingTags(
  request: Pick<AnthropicMessagesRequest, 'thinking' | 'output_config'>,
  options: ThinkingTagOptions = {},
): string {
  const thinking = request.thinking;
  if (thinking?.type === 'enabled') {
    const min = options.minBudgetTokens ?? defaultMinThinkingBudget;
    const max = options.maxBudgetTokens ?? defaultMaxThinkingBudget;
    const budget = Math.min(max, Math.max(min, Math.floor(thinking.budget_tokens)));
    return `<thinking_mode>enabled</thinking_mode><max_thinking_length>${budget}</max_thinking_length>`;
  }
  if (thinking?.type === 'adaptive') {
    const effort = effortTag(request.output_config?.effort);
    return `<thinking_mode>adaptive</thinking_mode><thinking_effort>${effort}</thinking_effort>`;
  }
  return '';
}

/** Whether a prompt already carries thinking tags (then we do not add ours). */
export function hasThinkingTags(text: string): boolean {
  return text.includes('<thinking_mode>');
}
