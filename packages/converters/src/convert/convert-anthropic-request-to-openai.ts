import type { AnthropicMessagesRequest, AnthropicToolChoice } from '../anthropic/request-schema';
import type { OpenAIChatRequest, OpenAITool, OpenAIToolChoice } from '../openai/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { convertAnthropicMessagesToOpenAI } from './convert-anthropic-messages-to-openai';
import { reasoningEffortFromAnthropic } from './reasoning-effort';

export interface ConvertAnthropicRequestOptions {
  /**
   * Which OpenAI field carries the output limit. `max_completion_tokens` (default) is what OpenAI
   * wants; some OpenAI-compatible servers only read the older `max_tokens`.
   */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

export interface ConvertAnthropicRequestResult {
  request: OpenAIChatRequest;
  warnings: ConversionWarning[];
}

function convertTools(
  request: AnthropicMessagesRequest,
  warnings: ConversionWarning[],
): OpenAITool[] | undefined {
  if (request.tools === undefined || request.tools.length === 0) return undefined;
  const tools = request.tools.flatMap((tool, index): OpenAITool[] => {
    if (tool.type !== undefined && tool.type !== 'custom') {
      warnings.push({
        type: 'unsupported',
        param: `tools.${index}`,
        message: `Server tool ${tool.type} has no OpenAI equivalent; dropped.`,
      });
      return [];
    }
    return [
      {
        type: 'function',
        function: {
          name: tool.name,
          ...(tool.description === undefined ? {} : { description: tool.description }),
          parameters: tool.input_schema ?? { type: 'object', properties: {} },
        },
      },
    ];
  });
  return tools.length > 0 ? tools : undefined;
}

function convertToolChoice(choice: AnthropicToolChoice | undefined): OpenAIToolChoice | undefined {
  switch (choice?.type) {
    case undefined:
      return undefined;
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
  }
}

function systemText(system: AnthropicMessagesRequest['system']): string | undefined {
  if (system === undefined) return undefined;
  const text = typeof system === 'string' ? system : system.map((block) => block.text).join('\n\n');
  return text.trim() === '' ? undefined : text;
}

function responseFormat(request: AnthropicMessagesRequest): Partial<OpenAIChatRequest> {
  const format = request.output_config?.['format'];
  if (typeof format !== 'object' || format === null) return {};
  const { type, schema } = format as Record<string, unknown>;
  if (type !== 'json_schema' || typeof schema !== 'object' || schema === null) return {};
  return {
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'output', schema: schema as Record<string, unknown>, strict: true },
    },
  };
}

/**
 * Converts an Anthropic Messages request to an OpenAI Chat Completions request, for an Anthropic
 * front on an OpenAI-compatible backend: `system` becomes the first system message, blocks become
 * parts, tool results become `tool` messages, `thinking` becomes `reasoning_effort` (see
 * {@link reasoningEffortFromAnthropic}), `disable_parallel_tool_use` becomes
 * `parallel_tool_calls: false`, `metadata.user_id` becomes `user`, and streams ask for usage.
 */
export function convertAnthropicRequestToOpenAI(
  request: AnthropicMessagesRequest,
  options: ConvertAnthropicRequestOptions = {},
): ConvertAnthropicRequestResult {
  const warnings: ConversionWarning[] = [];
  const system = systemText(request.system);
  const messages = convertAnthropicMessagesToOpenAI(request.messages, warnings);
  const tools = convertTools(request, warnings);
  const toolChoice = tools === undefined ? undefined : convertToolChoice(request.tool_choice);
  const disableParallel =
    request.tool_choice !== undefined &&
    'disable_parallel_tool_use' in request.tool_choice &&
    request.tool_choice.disable_parallel_tool_use === true;
  if (request.top_k !== undefined) {
    warnings.push({
      type: 'unsupported',
      param: 'top_k',
      message: 'top_k has no OpenAI equivalent; ignored.',
    });
  }
  const effort = reasoningEffortFromAnthropic({
    thinking: request.thinking,
    effort: request.output_config?.effort,
  });
  const user = request.metadata?.user_id;
  const openai: OpenAIChatRequest = {
    model: request.model,
    messages: system === undefined ? messages : [{ role: 'system', content: system }, ...messages],
    [options.maxTokensField ?? 'max_completion_tokens']: request.max_tokens,
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.top_p === undefined ? {} : { top_p: request.top_p }),
    ...(request.stop_sequences === undefined || request.stop_sequences.length === 0
      ? {}
      : { stop: request.stop_sequences }),
    ...(tools === undefined ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(tools !== undefined && disableParallel ? { parallel_tool_calls: false } : {}),
    ...(effort === undefined ? {} : { reasoning_effort: effort }),
    ...(user == null || user === '' ? {} : { user }),
    ...responseFormat(request),
    ...(request.stream === true ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
  return { request: openai, warnings };
}
