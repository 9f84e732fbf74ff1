import type {
  AnthropicMessageParam,
  AnthropicMessagesRequest,
  AnthropicTextBlockParam,
  AnthropicTool,
  AnthropicToolChoice,
} from '../anthropic/request-schema';
import type { OpenAIReasoningEffort } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { planThinking, samplingFields } from './plan-thinking';

/** What an OpenAI request (Chat Completions or Responses) has become once its parts are converted. */
export interface HubRequestParts {
  model: string;
  system: AnthropicTextBlockParam[];
  messages: AnthropicMessageParam[];
  tools: AnthropicTool[] | undefined;
  toolChoice: AnthropicToolChoice | undefined;
  /** The client's output limit, when it set one. */
  requestedMaxTokens: number | undefined;
  effort: OpenAIReasoningEffort | null | undefined;
  /** The client's name for the effort field, for warnings. */
  effortParam: string;
  defaultMaxTokens: number;
  temperature: number | null | undefined;
  topP: number | null | undefined;
  /** Chat Completions' `stop`. */
  stop?: string | string[] | null | undefined;
  /** The end user (`user`, else `safety_identifier`); sent as `metadata.user_id`. */
  user: string | null | undefined;
  stream: boolean | null | undefined;
  warnings: ConversionWarning[];
}

/**
 * The hub request from converted parts: `max_tokens` and `thinking` planned from the effort and the
 * output limit (no thinking with a forced tool choice), the sampling fields thinking allows, stop
 * sequences without empty ones, and the end user as `metadata.user_id`.
 */
export function assembleHubRequest(parts: HubRequestParts): AnthropicMessagesRequest {
  const { system, tools, toolChoice, user, warnings } = parts;
  const plan = planThinking({
    requestedMaxTokens: parts.requestedMaxTokens,
    effort: parts.effort,
    effortParam: parts.effortParam,
    defaultMaxTokens: parts.defaultMaxTokens,
    forcedTool: toolChoice?.type === 'any' || toolChoice?.type === 'tool',
    warnings,
  });
  const stop = stopSequences(parts.stop, warnings);
  return {
    model: parts.model,
    max_tokens: plan.maxTokens,
    messages: parts.messages,
    ...(system.length > 0 ? { system } : {}),
    ...(tools === undefined ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(plan.thinking === undefined ? {} : { thinking: plan.thinking }),
    ...samplingFields({
      temperature: parts.temperature,
      topP: parts.topP,
      thinking: plan.thinking !== undefined,
      warnings,
    }),
    ...(stop === undefined ? {} : { stop_sequences: stop }),
    ...(typeof user === 'string' && user !== '' ? { metadata: { user_id: user } } : {}),
    ...(parts.stream == null ? {} : { stream: parts.stream }),
  };
}

function stopSequences(
  stop: string | string[] | null | undefined,
  warnings: ConversionWarning[],
): string[] | undefined {
  if (stop == null) return undefined;
  const all = typeof stop === 'string' ? [stop] : stop;
  const kept = all.filter((sequence) => sequence.trim() !== '');
  if (kept.length < all.length) {
    warnings.push({
      type: 'adjusted',
      param: 'stop',
      message: 'Empty or whitespace-only stop sequences are not supported; dropped.',
    });
  }
  return kept.length > 0 ? kept : undefined;
}
