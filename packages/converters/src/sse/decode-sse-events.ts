import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import {
  anthropicStreamEventSchema,
  knownAnthropicEventTypes,
} from '../anthropic/stream-event-schema';
import { malformedUpstream } from '../convert/malformed-upstream';
import type { ErrorProtocol } from '../errors/upstream-protocol-error';
import type {
  OpenAIChatChunk,
  OpenAIFinishReason,
  OpenAIStreamItem,
  OpenAIToolCallDelta,
} from '../openai/chat-completion';
import { openAIChatChunkSchema, openAIErrorBodySchema } from '../openai/chunk-schema';
import type { SseMessage } from './parse-sse-stream';

function parseJson(data: string, protocol: ErrorProtocol): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch (cause) {
    throw Object.assign(
      malformedUpstream('The upstream sent an SSE event that is not JSON.', protocol),
      { cause },
    );
  }
}

/**
 * A `TransformStream` from parsed SSE messages to Anthropic stream events, for consuming an
 * Anthropic-compatible upstream. Events are validated leniently; unknown event types are skipped;
 * malformed data errors the stream with an upstream error.
 */
export function createAnthropicEventDecoderStream(): TransformStream<
  SseMessage,
  AnthropicStreamEvent
> {
  return new TransformStream({
    transform(message, controller) {
      const value = parseJson(message.data, 'anthropic');
      const type = (value as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !knownAnthropicEventTypes.has(type)) return;
      const result = anthropicStreamEventSchema.safeParse(value);
      if (!result.success)
        throw malformedUpstream(`The upstream sent a malformed ${type} event.`, 'anthropic');
      controller.enqueue(result.data as unknown as AnthropicStreamEvent);
    },
  });
}

const finishReasons: ReadonlySet<string> = new Set([
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'function_call',
]);

function normalizeChunk(chunk: ReturnType<typeof openAIChatChunkSchema.parse>): OpenAIChatChunk {
  return {
    id: chunk.id,
    object: 'chat.completion.chunk',
    created: chunk.created ?? 0,
    model: chunk.model ?? '',
    choices: chunk.choices.map((choice) => {
      const delta = choice.delta ?? {};
      const reasoning =
        delta.reasoning_content ??
        (typeof delta['reasoning'] === 'string' ? delta['reasoning'] : undefined);
      const toolCalls = delta.tool_calls?.map((call): OpenAIToolCallDelta => ({
        index: call.index,
        ...(call.id == null ? {} : { id: call.id }),
        ...(call.type === 'function' || call.type === 'custom' ? { type: call.type } : {}),
        ...(call.function == null
          ? {}
          : {
              function: {
                ...(call.function.name == null ? {} : { name: call.function.name }),
                ...(call.function.arguments == null ? {} : { arguments: call.function.arguments }),
              },
            }),
        ...(call.custom == null
          ? {}
          : {
              custom: {
                ...(call.custom.name == null ? {} : { name: call.custom.name }),
                ...(call.custom.input == null ? {} : { input: call.custom.input }),
              },
            }),
      }));
      const finish = choice.finish_reason;
      return {
        index: choice.index,
        delta: {
          ...(delta.content == null ? {} : { content: delta.content }),
          ...(reasoning == null ? {} : { reasoning_content: reasoning }),
          ...(delta.refusal == null ? {} : { refusal: delta.refusal }),
          ...(toolCalls === undefined ? {} : { tool_calls: toolCalls }),
        },
        finish_reason:
          finish == null || finish === ''
            ? null
            : finishReasons.has(finish)
              ? (finish as OpenAIFinishReason)
              : 'stop',
      };
    }),
    ...(chunk.usage == null
      ? {}
      : {
          usage: {
            prompt_tokens: chunk.usage.prompt_tokens,
            completion_tokens: chunk.usage.completion_tokens,
            total_tokens:
              chunk.usage.total_tokens ?? chunk.usage.prompt_tokens + chunk.usage.completion_tokens,
            prompt_tokens_details: {
              cached_tokens: chunk.usage.prompt_tokens_details?.cached_tokens ?? 0,
            },
          },
        }),
  };
}

/**
 * A `TransformStream` from parsed SSE messages to OpenAI chunks or error objects, for consuming an
 * OpenAI-compatible upstream. `[DONE]` ends the input; chunks are validated leniently and normalized
 * (`null` fields dropped, `reasoning` read as `reasoning_content`).
 */
export function createOpenAIChunkDecoderStream(): TransformStream<SseMessage, OpenAIStreamItem> {
  let done = false;
  return new TransformStream({
    transform(message, controller) {
      if (done) return;
      if (message.data.trim() === '[DONE]') {
        done = true;
        return;
      }
      const value = parseJson(message.data, 'openai');
      const error = openAIErrorBodySchema.safeParse(value);
      if (error.success) {
        controller.enqueue({
          error: {
            message: error.data.error.message ?? 'The upstream reported an error.',
            type: (error.data.error.type ?? 'server_error') as 'server_error',
            param: typeof error.data.error['param'] === 'string' ? error.data.error['param'] : null,
            code: typeof error.data.error['code'] === 'string' ? error.data.error['code'] : null,
          },
        });
        return;
      }
      const chunk = openAIChatChunkSchema.safeParse(value);
      if (!chunk.success) throw malformedUpstream('The upstream sent a malformed chat chunk.');
      controller.enqueue(normalizeChunk(chunk.data));
    },
  });
}
