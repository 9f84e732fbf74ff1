import { malformedUpstream } from '../convert/malformed-upstream';
import { errorFromOpenAIBody } from '../errors/error-from-protocol-body';
import {
  isOpenAIErrorBody,
  type OpenAIChatCompletion,
  type OpenAIFinishReason,
  type OpenAIStreamItem,
  type OpenAIToolCall,
  type OpenAIUsage,
} from '../openai/chat-completion';
import { iterate } from './read-all';

interface ToolBuffer {
  id: string;
  type: 'function' | 'custom';
  name: string;
  text: string;
}

/**
 * Builds the final non-stream chat completion (first choice) from OpenAI chunks, incrementally:
 * `push` each chunk, then `finish`. Content, `reasoning_content` and tool-call fragments are joined
 * by index (a legacy `function_call` too); an error object throws the matching {@link OctoProxyError}; a stream without chunks or
 * without a `finish_reason` throws an upstream error.
 */
export class OpenAICompletionAccumulator {
  #id: string | undefined;
  #created = 0;
  #model = '';
  #content: string[] = [];
  #reasoning: string[] = [];
  #refusal: string[] = [];
  #hasContent = false;
  #finishReason: OpenAIFinishReason | undefined;
  #usage: OpenAIUsage | undefined;
  readonly #tools = new Map<number, ToolBuffer>();
  /** A legacy `function_call`, joined from its fragments. */
  #functionCall: { name: string; arguments: string } | undefined;

  /** Applies one chunk. Throws on an error object. */
  push(item: OpenAIStreamItem): void {
    if (isOpenAIErrorBody(item)) throw errorFromOpenAIBody(item);
    if (this.#id === undefined) {
      this.#id = item.id;
      this.#created = item.created;
      this.#model = item.model;
    }
    if (item.usage != null) this.#usage = item.usage;
    for (const choice of item.choices) {
      if (choice.index !== 0) continue;
      const delta = choice.delta;
      if (typeof delta.content === 'string') {
        this.#content.push(delta.content);
        this.#hasContent ||= delta.content !== '';
      }
      if (typeof delta.reasoning_content === 'string')
        this.#reasoning.push(delta.reasoning_content);
      if (typeof delta.refusal === 'string') this.#refusal.push(delta.refusal);
      for (const call of delta.tool_calls ?? []) {
        const tool = this.#tools.get(call.index) ?? {
          id: '',
          type: 'function',
          name: '',
          text: '',
        };
        this.#tools.set(call.index, tool);
        if (call.id !== undefined) tool.id = call.id;
        if (call.type !== undefined) tool.type = call.type;
        tool.name += call.function?.name ?? call.custom?.name ?? '';
        tool.text += call.function?.arguments ?? call.custom?.input ?? '';
      }
      if (delta.function_call != null) {
        this.#functionCall ??= { name: '', arguments: '' };
        this.#functionCall.name += delta.function_call.name ?? '';
        this.#functionCall.arguments += delta.function_call.arguments ?? '';
      }
      if (choice.finish_reason != null) this.#finishReason = choice.finish_reason;
    }
  }

  /** Returns the finished completion; throws if the stream was incomplete. */
  finish(): OpenAIChatCompletion {
    if (this.#id === undefined)
      throw malformedUpstream('The upstream stream ended without any chunk.');
    if (this.#finishReason === undefined)
      throw malformedUpstream('The upstream stream ended before a finish_reason.');
    const toolCalls = [...this.#tools.entries()]
      .sort(([left], [right]) => left - right)
      .map(([, tool]): OpenAIToolCall =>
        tool.type === 'custom'
          ? { id: tool.id, type: 'custom', custom: { name: tool.name, input: tool.text } }
          : { id: tool.id, type: 'function', function: { name: tool.name, arguments: tool.text } },
      );
    const reasoning = this.#reasoning.join('');
    const refusal = this.#refusal.join('');
    return {
      id: this.#id,
      object: 'chat.completion',
      created: this.#created,
      model: this.#model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: this.#hasContent ? this.#content.join('') : null,
            refusal: refusal === '' ? null : refusal,
            ...(reasoning === '' ? {} : { reasoning_content: reasoning }),
            ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
            ...(this.#functionCall === undefined ? {} : { function_call: this.#functionCall }),
          },
          logprobs: null,
          finish_reason: this.#finishReason,
        },
      ],
      ...(this.#usage === undefined ? {} : { usage: this.#usage }),
    };
  }
}

/** Consumes a whole OpenAI chunk stream and returns the final completion (see {@link OpenAICompletionAccumulator}). */
export async function aggregateOpenAIStream(
  items: ReadableStream<OpenAIStreamItem> | AsyncIterable<OpenAIStreamItem>,
): Promise<OpenAIChatCompletion> {
  const accumulator = new OpenAICompletionAccumulator();
  for await (const item of iterate(items)) accumulator.push(item);
  return accumulator.finish();
}
