import type { AnthropicThinkingConfig } from '../anthropic/request-schema';
import type { OpenAIReasoningEffort } from '../openai/request-schema';

/**
 * Thinking budget (tokens) for each OpenAI `reasoning_effort`. `none` turns thinking off.
 * Anthropic needs `budget_tokens >= 1024` and `< max_tokens`.
 */
export const reasoningEffortBudgets: Readonly<
  Record<Exclude<OpenAIReasoningEffort, 'none'>, number>
> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
  xhigh: 32768,
  max: 63999,
};

/** Anthropic's smallest accepted thinking budget. */
export const minimumThinkingBudget = 1024;

/**
 * The reverse of {@link reasoningEffortBudgets}: the smallest effort whose budget covers `budget`
 * (so every table value maps back to its own effort; budgets above `xhigh` map to `xhigh`, the
 * highest value OpenAI itself accepts).
 */
export function reasoningEffortForBudget(
  budget: number,
): Exclude<OpenAIReasoningEffort, 'none' | 'max'> {
  if (budget <= reasoningEffortBudgets.minimal) return 'minimal';
  if (budget <= reasoningEffortBudgets.low) return 'low';
  if (budget <= reasoningEffortBudgets.medium) return 'medium';
  if (budget <= reasoningEffortBudgets.high) return 'high';
  return 'xhigh';
}

const effortValues: ReadonlySet<string> = new Set([
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
]);

/**
 * The OpenAI `reasoning_effort` for an Anthropic request: from `thinking.budget_tokens`, else from
 * `output_config.effort` (`max` becomes `xhigh`); `undefined` when thinking is off or unspecified.
 */
export function reasoningEffortFromAnthropic(options: {
  thinking: AnthropicThinkingConfig | undefined;
  effort: string | undefined;
}): OpenAIReasoningEffort | undefined {
  const { thinking, effort } = options;
  if (thinking?.type === 'disabled') return undefined;
  if (thinking?.type === 'enabled') return reasoningEffortForBudget(thinking.budget_tokens);
  if (effort === 'max') return 'xhigh';
  if (effort !== undefined && effortValues.has(effort)) return effort as OpenAIReasoningEffort;
  return thinking?.type === 'adaptive' ? 'medium' : undefined;
}
