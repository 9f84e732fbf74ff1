import type {
  AnthropicMessagesRequest,
  AnthropicTextBlockParam,
} from '../anthropic/request-schema';
import { InvalidRequestError } from '../errors/invalid-request-error';
import type { OpenAIResponseFormat } from '../openai/request-schema';
import type { ResponsesRequest, ResponsesTextFormat } from '../responses/request-schema';
import type { ResponsesEcho } from '../responses/response';
import type { AnthropicToResponsesOptions } from '../stream/anthropic-to-responses-events';
import { assembleHubRequest } from './assemble-hub-request';
import { adaptationOfWarning, type Adaptation } from './adaptation';
import type { ConversionWarning } from './conversion-warning';
import { convertResponsesInput } from './convert-responses-input';
import { convertResponsesTools } from './convert-responses-tools';
import { normalizeAnthropicMessages } from './normalize-anthropic-messages';
import { responseFormatInstruction } from './response-format';
import type { ResponsesToolMap } from './responses-tool-map';

export interface ConvertResponsesRequestOptions {
  /** `max_tokens` when the client sets no `max_output_tokens`. Default 8192. */
  defaultMaxTokens?: number;
}

export interface ConvertResponsesRequestResult {
  /** The hub request, ready for an Anthropic-compatible upstream. */
  request: AnthropicMessagesRequest;
  warnings: ConversionWarning[];
  /** Every change made to the request (one per warning), for a header and the request log. */
  adaptations: Adaptation[];
  /** Which Anthropic tool names stand for custom, `local_shell` or namespaced tools. */
  toolMap: ResponsesToolMap;
  /** Pass to the stream converter or to `convertAnthropicMessageToResponse`. */
  responseOptions: AnthropicToResponsesOptions;
}

const encryptedReasoning = 'reasoning.encrypted_content';

function warnUnsupported(request: ResponsesRequest, warnings: ConversionWarning[]): void {
  const unsupported: [param: string, set: boolean][] = [
    ['top_logprobs', (request.top_logprobs ?? 0) > 0],
    ['max_tool_calls', request.max_tool_calls != null],
    ['text.verbosity', request.text?.verbosity != null],
    ['truncation', request.truncation === 'auto'],
  ];
  for (const [param, set] of unsupported) {
    if (set)
      warnings.push({ type: 'unsupported', param, message: `${param} is not supported; ignored.` });
  }
  if (request.store === true) {
    warnings.push({
      type: 'adjusted',
      param: 'store',
      message: 'Responses are not stored by this gateway; store ignored.',
    });
  }
}

/** Responses' flat `text.format` in the Chat Completions shape {@link responseFormatInstruction} reads. */
function chatResponseFormat(
  format: ResponsesTextFormat | null | undefined,
): OpenAIResponseFormat | undefined {
  if (format == null) return undefined;
  if (format.type !== 'json_schema') return format;
  const { name, description, schema, strict } = format;
  return {
    type: 'json_schema',
    json_schema: {
      name,
      ...(description == null ? {} : { description }),
      ...(schema == null ? {} : { schema }),
      ...(strict == null ? {} : { strict }),
    },
  };
}

function echoOf(request: ResponsesRequest): Partial<ResponsesEcho> {
  return {
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    metadata: request.metadata ?? {},
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    reasoning: {
      effort: request.reasoning?.effort ?? null,
      summary: request.reasoning?.summary ?? null,
    },
    temperature: request.temperature ?? null,
    text: { format: request.text?.format ?? { type: 'text' } },
    tool_choice: request.tool_choice ?? 'auto',
    tools: request.tools ?? [],
    top_p: request.top_p ?? null,
    truncation: request.truncation ?? 'disabled',
    user: request.user ?? null,
    prompt_cache_key: request.prompt_cache_key ?? null,
  };
}

/**
 * Converts an OpenAI Responses request (`POST /v1/responses`) to the hub (Anthropic Messages) request.
 * `instructions` and `system`/`developer` messages become `system`; input items become turns
 * ({@link convertResponsesInput}), then normalized ({@link normalizeAnthropicMessages}); tools as in
 * {@link convertResponsesTools}; `reasoning.effort` and `max_output_tokens` plan thinking like
 * `reasoning_effort` does for Chat Completions; `text.format` is requested by instruction;
 * `user` (else `safety_identifier`) → `metadata.user_id`. The result also carries the options the
 * response converters need (tool kinds, reasoning form, echoed fields).
 */
export function convertResponsesRequestToAnthropic(
  request: ResponsesRequest,
  options: ConvertResponsesRequestOptions = {},
): ConvertResponsesRequestResult {
  const warnings: ConversionWarning[] = [];
  warnUnsupported(request, warnings);
  const converted = convertResponsesInput(request.input, warnings);
  const system: AnthropicTextBlockParam[] = [];
  if (request.instructions != null && request.instructions.trim() !== '')
    system.push({ type: 'text', text: request.instructions });
  system.push(...converted.system);
  const instruction = responseFormatInstruction(chatResponseFormat(request.text?.format));
  if (instruction !== undefined) system.push({ type: 'text', text: instruction });
  let messages = normalizeAnthropicMessages(converted.messages, warnings);
  if (messages.length === 0) {
    if (system.length === 0) {
      throw new InvalidRequestError({
        message: 'input: the request has nothing to answer.',
        param: 'input',
      });
    }
    warnings.push({
      type: 'adjusted',
      param: 'input',
      message: 'The request had only instructions; they were sent as the user message.',
    });
    messages = [{ role: 'user', content: system.splice(0) }];
  }
  const tools = convertResponsesTools(request, warnings);
  const anthropic = assembleHubRequest({
    model: request.model,
    system,
    messages,
    tools: tools.tools,
    toolChoice: tools.toolChoice,
    requestedMaxTokens: request.max_output_tokens ?? undefined,
    effort: request.reasoning?.effort,
    effortParam: 'reasoning.effort',
    defaultMaxTokens: options.defaultMaxTokens ?? 8192,
    temperature: request.temperature,
    topP: request.top_p,
    user: request.user ?? request.safety_identifier,
    stream: request.stream,
    warnings,
  });
  return {
    request: anthropic,
    warnings,
    adaptations: warnings.map(adaptationOfWarning),
    toolMap: tools.toolMap,
    responseOptions: {
      toolMap: tools.toolMap,
      reasoningSummary: request.reasoning?.summary != null,
      includeEncryptedReasoning: request.include?.includes(encryptedReasoning) === true,
      echo: echoOf(request),
      model: request.model,
    },
  };
}
