import type { AnthropicMessagesRequest } from '../anthropic/request-schema';
import type { OpenAIReasoningEffort } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { minimumThinkingBudget, reasoningEffortBudgets } from './reasoning-effort';

/** `max_tokens` and `thinking` of the hub request. */
export interface ThinkingPlan {
  maxTokens: number;
  thinking: AnthropicMessagesRequest['thinking'];
}

/**
 * Turns an OpenAI reasoning effort and output limit into Anthropic `max_tokens` and `thinking`
 * (see the README's table): the budget stays below an explicit limit (clamped, or thinking dropped
 * below 1024); without a limit, `max_tokens = budget + defaultMaxTokens`; a forced tool choice turns
 * thinking off. `effortParam` names the client's field in warnings.
 */
export function planThinking(options: {
  requestedMaxTokens: number | undefined;
  effort: OpenAIReasoningEffort | null | undefined;
  effortParam: string;
  defaultMaxTokens: number;
  forcedTool: boolean;
  warnings: ConversionWarning[];
}): ThinkingPlan {
  const { requestedMaxTokens: requested, effort, effortParam, warnings } = options;
  const { defaultMaxTokens, forcedTool } = options;
  if (effort == null || effort === 'none')
    return { maxTokens: requested ?? defaultMaxTokens, thinking: undefined };
  if (forcedTool) {
    warnings.push({
      type: 'unsupported',
      param: effortParam,
      message: `Thinking cannot be combined with a forced tool choice; ${effortParam} ignored.`,
    });
    return { maxTokens: requested ?? defaultMaxTokens, thinking: undefined };
  }
  const wanted = reasoningEffortBudgets[effort];
  if (requested === undefined) {
    return {
      maxTokens: wanted + defaultMaxTokens,
      thinking: { type: 'enabled', budget_tokens: wanted },
    };
  }
  const budget = Math.min(wanted, requested - 1);
  if (budget < minimumThinkingBudget) {
    warnings.push({
      type: 'unsupported',
      param: effortParam,
      message: `Thinking needs max tokens above ${minimumThinkingBudget}; ${effortParam} ignored.`,
    });
    return { maxTokens: requested, thinking: undefined };
  }
  if (budget < wanted) {
    warnings.push({
      type: 'adjusted',
      param: effortParam,
      message: `Thinking budget reduced to ${budget} tokens to fit max tokens.`,
    });
  }
  return { maxTokens: requested, thinking: { type: 'enabled', budget_tokens: budget } };
}

/**
 * `temperature` (clamped to 1) and `top_p`, or neither with a warning when thinking is on
 * (Anthropic rejects sampling parameters with thinking).
 */
export function samplingFields(options: {
  temperature: number | null | undefined;
  topP: number | null | undefined;
  thinking: boolean;
  warnings: ConversionWarning[];
}): Partial<AnthropicMessagesRequest> {
  const { temperature, topP, thinking, warnings } = options;
  const fields: Partial<AnthropicMessagesRequest> = {};
  if (thinking) {
    for (const [param, value] of [
      ['temperature', temperature],
      ['top_p', topP],
    ] as const) {
      if (value != null) {
        warnings.push({
          type: 'unsupported',
          param,
          message: `${param} cannot be used with thinking; ignored.`,
        });
      }
    }
    return fields;
  }
  if (temperature != null) {
    fields.temperature = Math.min(1, temperature);
    if (temperature > 1) {
      warnings.push({
        type: 'adjusted',
        param: 'temperature',
        message: 'temperature above 1 clamped to 1.',
      });
    }
  }
  if (topP != null) fields.top_p = topP;
  return fields;
}
