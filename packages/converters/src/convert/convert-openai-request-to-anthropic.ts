import type {
  AnthropicMessagesRequest,
  AnthropicTextBlockParam,
} from '../anthropic/request-schema';
import type { OpenAIChatRequest } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { convertOpenAIMessages } from './convert-openai-messages';
import { convertOpenAITools } from './convert-openai-tools';
import { normalizeAnthropicMessages } from './normalize-anthropic-messages';
import { planThinking, samplingFields } from './plan-thinking';
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
    requestedMaxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    effort: request.reasoning_effort,
    effortParam: 'reasoning_effort',
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
    ...samplingFields({
      temperature: request.temperature,
      topP: request.top_p,
      thinking: plan.thinking !== undefined,
      warnings,
    }),
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
