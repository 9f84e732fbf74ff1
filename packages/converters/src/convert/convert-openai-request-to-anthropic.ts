import type {
  AnthropicMessagesRequest,
  AnthropicTextBlockParam,
} from '../anthropic/request-schema';
import type { OpenAIChatRequest } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { convertOpenAIMessages } from './convert-openai-messages';
import { convertOpenAITools } from './convert-openai-tools';
import { normalizeAnthropicMessages } from './normalize-anthropic-messages';
import { minimumThinkingBudget, reasoningEffortBudgets } from './reasoning-effort';
import { responseFormatInstruction } from './response-format';

export interface ConvertOpenAIRequestOptions {
  /** `max_tokens` when the client sets neither `max_tokens` nor `max_completion_tokens`. Default 8192. */
  defaultMaxTokens?: number;
}

export interface ConvertOpenAIRequestResult {
  /** The hub request, ready for an Anthropic-compatible upstream. */
  request: AnthropicMessagesRequest;
  warnings: ConversionWarning[];
  /** Names of `custom` tools: pass them to the response converters so calls come back as custom calls. */
  customToolNames: string[];
  /** `stream_options.include_usage`: whether the OpenAI stream must end with a usage chunk. */
  includeUsage: boolean;
}

/** Fields with no Anthropic equivalent that change the answer: dropped with a warning when set. */
const unsupportedFields = [
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'seed',
  'audio',
  'prediction',
  'web_search_options',
  'verbosity',
] as const;

function warnUnsupported(request: OpenAIChatRequest, warnings: ConversionWarning[]): void {
  for (const field of unsupportedFields) {
    const value = request[field];
    if (value == null || value === false || value === 0) continue;
    warnings.push({
      type: 'unsupported',
      param: field,
      message: `${field} is not supported; ignored.`,
    });
  }
  const modalities = request['modalities'];
  if (Array.isArray(modalities) && modalities.some((modality) => modality !== 'text')) {
    warnings.push({
      type: 'unsupported',
      param: 'modalities',
      message: 'Only text output is supported.',
    });
  }
  if (request.metadata != null && Object.keys(request.metadata).length > 0) {
    warnings.push({
      type: 'unsupported',
      param: 'metadata',
      message: 'metadata is not forwarded.',
    });
  }
}

function stopSequences(
  request: OpenAIChatRequest,
  warnings: ConversionWarning[],
): string[] | undefined {
  if (request.stop == null) return undefined;
  const all = typeof request.stop === 'string' ? [request.stop] : request.stop;
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

interface Sampling {
  maxTokens: number;
  thinking: AnthropicMessagesRequest['thinking'];
}

function planThinking(options: {
  request: OpenAIChatRequest;
  defaultMaxTokens: number;
  forcedTool: boolean;
  warnings: ConversionWarning[];
}): Sampling {
  const { request, defaultMaxTokens, forcedTool, warnings } = options;
  const requested = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const effort = request.reasoning_effort;
  if (effort == null || effort === 'none')
    return { maxTokens: requested ?? defaultMaxTokens, thinking: undefined };
  if (forcedTool) {
    warnings.push({
      type: 'unsupported',
      param: 'reasoning_effort',
      message: 'Thinking cannot be combined with a forced tool choice; reasoning_effort ignored.',
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
      param: 'reasoning_effort',
      message: `Thinking needs max tokens above ${minimumThinkingBudget}; reasoning_effort ignored.`,
    });
    return { maxTokens: requested, thinking: undefined };
  }
  if (budget < wanted) {
    warnings.push({
      type: 'adjusted',
      param: 'reasoning_effort',
      message: `Thinking budget reduced to ${budget} tokens to fit max tokens.`,
    });
  }
  return { maxTokens: requested, thinking: { type: 'enabled', budget_tokens: budget } };
}

function samplingFields(
  request: OpenAIChatRequest,
  thinking: boolean,
  warnings: ConversionWarning[],
): Partial<AnthropicMessagesRequest> {
  const fields: Partial<AnthropicMessagesRequest> = {};
  if (thinking) {
    for (const field of ['temperature', 'top_p'] as const) {
      if (request[field] != null) {
        warnings.push({
          type: 'unsupported',
          param: field,
          message: `${field} cannot be used with thinking; ignored.`,
        });
      }
    }
    return fields;
  }
  if (request.temperature != null) {
    fields.temperature = Math.min(1, request.temperature);
    if (request.temperature > 1) {
      warnings.push({
        type: 'adjusted',
        param: 'temperature',
        message: 'temperature above 1 clamped to 1.',
      });
    }
  }
  if (request.top_p != null) fields.top_p = request.top_p;
  return fields;
}

/**
 * Converts an OpenAI Chat Completions request to the hub (Anthropic Messages) request. See the README
 * for the full mapping: system hoisting, multi-part content and images, tools and `tool_choice`,
 * `reasoning_effort` → `thinking`, `response_format` (by instruction), `stop`, `user`. Messages are then
 * normalized ({@link normalizeAnthropicMessages}). Harmless input that cannot be carried over is
 * reported in `warnings`; input that cannot be served throws {@link InvalidRequestError}.
 */
export function convertOpenAIRequestToAnthropic(
  request: OpenAIChatRequest,
  options: ConvertOpenAIRequestOptions = {},
): ConvertOpenAIRequestResult {
  const warnings: ConversionWarning[] = [];
  warnUnsupported(request, warnings);
  const converted = convertOpenAIMessages(request.messages, warnings);
  const system: AnthropicTextBlockParam[] = [...converted.system];
  const instruction = responseFormatInstruction(request.response_format);
  if (instruction !== undefined) system.push({ type: 'text', text: instruction });
  let messages = normalizeAnthropicMessages(converted.messages, warnings);
  if (messages.length === 0 && system.length > 0) {
    warnings.push({
      type: 'adjusted',
      param: 'messages',
      message: 'The request had only system messages; they were sent as the user message.',
    });
    messages = [{ role: 'user', content: system.splice(0) }];
  }
  const tools = convertOpenAITools(request);
  const forcedTool = tools.toolChoice?.type === 'any' || tools.toolChoice?.type === 'tool';
  const plan = planThinking({
    request,
    defaultMaxTokens: options.defaultMaxTokens ?? 8192,
    forcedTool,
    warnings,
  });
  const stop = stopSequences(request, warnings);
  const user = request.user ?? (request['safety_identifier'] as string | undefined);
  const anthropic: AnthropicMessagesRequest = {
    model: request.model,
    max_tokens: plan.maxTokens,
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...(tools.tools === undefined ? {} : { tools: tools.tools }),
    ...(tools.toolChoice === undefined ? {} : { tool_choice: tools.toolChoice }),
    ...(plan.thinking === undefined ? {} : { thinking: plan.thinking }),
    ...samplingFields(request, plan.thinking !== undefined, warnings),
    ...(stop === undefined ? {} : { stop_sequences: stop }),
    ...(typeof user === 'string' && user !== '' ? { metadata: { user_id: user } } : {}),
    ...(request.stream == null ? {} : { stream: request.stream }),
  };
  return {
    request: anthropic,
    warnings,
    customToolNames: tools.customToolNames,
    includeUsage: request.stream_options?.include_usage === true,
  };
}
