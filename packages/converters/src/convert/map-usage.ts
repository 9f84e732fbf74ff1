import type { AnthropicUsage } from '../anthropic/message';
import type { OpenAIUsage } from '../openai/chat-completion';
import type { ResponsesUsage } from '../responses/response';

/**
 * Anthropic usage → OpenAI usage. Anthropic `input_tokens` excludes cache reads and writes; OpenAI
 * `prompt_tokens` is the whole prompt, so the three are summed, and cache reads become
 * `prompt_tokens_details.cached_tokens`.
 */
export function anthropicUsageToOpenAI(usage: Partial<AnthropicUsage>): OpenAIUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const promptTokens =
    (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + cacheRead;
  const completionTokens = usage.output_tokens ?? 0;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: cacheRead },
  };
}

/**
 * OpenAI usage → Anthropic usage. `prompt_tokens` includes cached tokens, so they are subtracted from
 * `input_tokens` and reported as `cache_read_input_tokens`. OpenAI does not report cache writes.
 */
export function openAIUsageToAnthropic(
  usage: Partial<OpenAIUsage> | null | undefined,
): AnthropicUsage {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached),
    output_tokens: usage?.completion_tokens ?? 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
  };
}

/**
 * Applies a cumulative usage update (e.g. from `message_delta`): fields present and non-null
 * overwrite, others stay, as the official SDK does.
 */
export function mergeAnthropicUsage(
  base: Partial<AnthropicUsage>,
  update: Partial<Record<keyof AnthropicUsage, number | null>> | null | undefined,
): Partial<AnthropicUsage> {
  const merged = { ...base };
  for (const key of [
    'input_tokens',
    'output_tokens',
    'cache_creation_input_tokens',
    'cache_read_input_tokens',
  ] as const) {
    const value = update?.[key];
    if (typeof value === 'number') merged[key] = value;
  }
  return merged;
}

/**
 * Anthropic usage → Responses usage: `input_tokens` is the whole prompt (the three Anthropic input
 * fields), cache reads become `input_tokens_details.cached_tokens`. Thinking tokens are part of
 * `output_tokens`; Anthropic does not report them apart, so `reasoning_tokens` is 0.
 */
export function anthropicUsageToResponses(usage: Partial<AnthropicUsage>): ResponsesUsage {
  const openai = anthropicUsageToOpenAI(usage);
  return {
    input_tokens: openai.prompt_tokens,
    input_tokens_details: { cached_tokens: openai.prompt_tokens_details?.cached_tokens ?? 0 },
    output_tokens: openai.completion_tokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: openai.total_tokens,
  };
}
