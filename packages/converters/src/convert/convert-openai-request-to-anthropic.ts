import type {
  AnthropicMessagesRequest,
  AnthropicTextBlockParam,
} from '../anthropic/request-schema';
import type { OpenAIChatRequest } from '../openai/request-schema';
import { adaptationOfWarning, type Adaptation } from './adaptation';
import { assembleHubRequest } from './assemble-hub-request';
import type { ConversionWarning } from './conversion-warning';
import { convertOpenAIMessages } from './convert-openai-messages';
import { convertOpenAITools } from './convert-openai-tools';
import { normalizeAnthropicMessages } from './normalize-anthropic-messages';
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
  /**
   * The request declared its tools with the legacy `functions`: pass to the response converters so
   * the call comes back as `function_call` with `finish_reason: "function_call"`.
   */
  legacyFunctions: boolean;
  /** Every change made to the request (the warnings included), for a header and the request log. */
  adaptations: Adaptation[];
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
  const adaptations: Adaptation[] = [];
  if (tools.legacyFunctions) {
    adaptations.push({
      kind: 'field_translated',
      detail:
        'functions/function_call: sent as tools/tool_choice without parallel calls; the call comes back as function_call',
    });
  }
  const anthropic = assembleHubRequest({
    model: request.model,
    system,
    messages,
    tools: tools.tools,
    toolChoice: tools.toolChoice,
    requestedMaxTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    effort: request.reasoning_effort,
    effortParam: 'reasoning_effort',
    defaultMaxTokens: options.defaultMaxTokens ?? 8192,
    temperature: request.temperature,
    topP: request.top_p,
    stop: request.stop,
    user: request.user ?? (request['safety_identifier'] as string | undefined),
    stream: request.stream,
    warnings,
  });
  return {
    request: anthropic,
    warnings,
    customToolNames: tools.customToolNames,
    includeUsage: request.stream_options?.include_usage === true,
    legacyFunctions: tools.legacyFunctions,
    adaptations: [...adaptations, ...warnings.map(adaptationOfWarning)],
  };
}
