import type { AnthropicStopReason, AnthropicUsage } from '../anthropic/message';
import type {
  AnthropicContentBlockStartEvent,
  AnthropicStreamEvent,
} from '../anthropic/stream-event';
import { unwrapCustomToolInput } from '../convert/custom-tool';
import { mapAnthropicStopReason } from '../convert/map-stop-reason';
import { anthropicUsageToOpenAI, mergeAnthropicUsage } from '../convert/map-usage';
import { openAICompletionIdFor, unixSeconds } from '../convert/response-ids';
import { toOpenAIError } from '../errors/error-bodies';
import { errorFromAnthropicBody } from '../errors/error-from-protocol-body';
import { malformedUpstream } from '../convert/malformed-upstream';
import type {
  OpenAIChatChunk,
  OpenAIChunkDelta,
  OpenAIStreamItem,
} from '../openai/chat-completion';

export interface AnthropicToOpenAIChunkOptions {
  /** `stream_options.include_usage`: end with a usage chunk (`choices: []`), `usage: null` elsewhere. */
  includeUsage?: boolean;
  /** Names of tools that were OpenAI `custom` tools: their calls are streamed as custom calls. */
  customToolNames?: Iterable<string>;
  /** The model name to report; default: the one in `message_start`. */
  model?: string;
  /** `created` in Unix seconds; default: when `message_start` arrives. */
  created?: number;
}

type BlockState =
  | { kind: 'text' | 'thinking' | 'other' }
  | { kind: 'function'; toolIndex: number }
  | { kind: 'custom'; toolIndex: number; json: string };

/**
 * Converts Anthropic stream events to OpenAI chat chunks, one event at a time: a role chunk first, text
 * as `content`, thinking as `reasoning_content`, each tool call as a first delta with `index`, `id`,
 * `type` and name then argument fragments, a final chunk with a non-null `finish_reason`, and (when
 * asked) a usage chunk. An `error` event becomes an OpenAI error object and ends the stream; a stream
 * that stops before `message_stop` ends with an error object, never a clean finish. Custom tool input
 * is sent whole when its block closes, because it must be unwrapped from JSON.
 */
export class AnthropicToOpenAIChunkConverter {
  readonly #options: AnthropicToOpenAIChunkOptions;
  readonly #custom: ReadonlySet<string>;
  readonly #blocks = new Map<number, BlockState>();
  #id = '';
  #model = '';
  #created = 0;
  #started = false;
  #done = false;
  #toolCount = 0;
  #stopReason: AnthropicStopReason | null = null;
  #usage: Partial<AnthropicUsage> = {};

  constructor(options: AnthropicToOpenAIChunkOptions = {}) {
    this.#options = options;
    this.#custom = new Set(options.customToolNames ?? []);
  }

  /** Converts one event; returns the chunks to send (often none or one). */
  push(event: AnthropicStreamEvent): OpenAIStreamItem[] {
    if (this.#done || event.type === 'ping') return [];
    if (event.type === 'error') return this.#fail(errorFromAnthropicBody(event));
    if (event.type === 'message_start') {
      if (this.#started)
        return this.#fail(malformedUpstream('The upstream sent message_start twice.', 'anthropic'));
      this.#started = true;
      this.#id = openAICompletionIdFor(event.message.id);
      this.#model = this.#options.model ?? event.message.model;
      this.#created = this.#options.created ?? unixSeconds();
      this.#usage = { ...event.message.usage };
      return [this.#chunk({ role: 'assistant', content: '' })];
    }
    if (!this.#started) {
      return this.#fail(
        malformedUpstream(`The upstream sent ${event.type} before message_start.`, 'anthropic'),
      );
    }
    switch (event.type) {
      case 'content_block_start':
        return this.#startBlock(event);
      case 'content_block_delta':
        return this.#delta(event.index, event.delta);
      case 'content_block_stop':
        return this.#stopBlock(event.index);
      case 'message_delta':
        this.#stopReason = event.delta.stop_reason ?? this.#stopReason;
        this.#usage = mergeAnthropicUsage(this.#usage, event.usage);
        return [];
      case 'message_stop':
        return this.#finishMessage();
    }
  }

  /** Call when the input ends; reports a stream that ended before `message_stop`. */
  finish(): OpenAIStreamItem[] {
    if (this.#done) return [];
    return this.#fail(
      malformedUpstream('The upstream stream ended before the message was complete.', 'anthropic'),
    );
  }

  #fail(error: unknown): OpenAIStreamItem[] {
    this.#done = true;
    return [toOpenAIError(error).body];
  }

  #chunk(
    delta: OpenAIChunkDelta,
    finishReason: OpenAIChatChunk['choices'][number]['finish_reason'] = null,
  ): OpenAIChatChunk {
    return {
      id: this.#id,
      object: 'chat.completion.chunk',
      created: this.#created,
      model: this.#model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(this.#options.includeUsage === true ? { usage: null } : {}),
    };
  }

  #startBlock(event: AnthropicContentBlockStartEvent): OpenAIStreamItem[] {
    const block = event.content_block;
    switch (block.type) {
      case 'text':
        this.#blocks.set(event.index, { kind: 'text' });
        return block.text === '' ? [] : [this.#chunk({ content: block.text })];
      case 'thinking':
        this.#blocks.set(event.index, { kind: 'thinking' });
        return block.thinking === '' ? [] : [this.#chunk({ reasoning_content: block.thinking })];
      case 'tool_use': {
        const toolIndex = this.#toolCount++;
        if (this.#custom.has(block.name)) {
          this.#blocks.set(event.index, { kind: 'custom', toolIndex, json: '' });
          return [
            this.#chunk({
              tool_calls: [
                {
                  index: toolIndex,
                  id: block.id,
                  type: 'custom',
                  custom: { name: block.name, input: '' },
                },
              ],
            }),
          ];
        }
        this.#blocks.set(event.index, { kind: 'function', toolIndex });
        return [
          this.#chunk({
            tool_calls: [
              {
                index: toolIndex,
                id: block.id,
                type: 'function',
                function: { name: block.name, arguments: '' },
              },
            ],
          }),
        ];
      }
      default:
        this.#blocks.set(event.index, { kind: 'other' });
        return [];
    }
  }

  #delta(
    index: number,
    delta: Extract<AnthropicStreamEvent, { type: 'content_block_delta' }>['delta'],
  ): OpenAIStreamItem[] {
    const block = this.#blocks.get(index);
    switch (delta.type) {
      case 'text_delta':
        return block?.kind === 'text' && delta.text !== ''
          ? [this.#chunk({ content: delta.text })]
          : [];
      case 'thinking_delta':
        return block?.kind === 'thinking' && delta.thinking !== ''
          ? [this.#chunk({ reasoning_content: delta.thinking })]
          : [];
      case 'input_json_delta':
        if (block?.kind === 'custom') block.json += delta.partial_json;
        if (block?.kind !== 'function' || delta.partial_json === '') return [];
        return [
          this.#chunk({
            tool_calls: [{ index: block.toolIndex, function: { arguments: delta.partial_json } }],
          }),
        ];
      case 'signature_delta':
      case 'citations_delta':
        return [];
    }
  }

  #stopBlock(index: number): OpenAIStreamItem[] {
    const block = this.#blocks.get(index);
    if (block?.kind !== 'custom') return [];
    let input: unknown = {};
    try {
      input = block.json === '' ? {} : JSON.parse(block.json);
    } catch {
      input = block.json;
    }
    return [
      this.#chunk({
        tool_calls: [{ index: block.toolIndex, custom: { input: unwrapCustomToolInput(input) } }],
      }),
    ];
  }

  #finishMessage(): OpenAIStreamItem[] {
    this.#done = true;
    const finishReason = mapAnthropicStopReason({
      stopReason: this.#stopReason,
      hasToolCalls: this.#toolCount > 0,
    });
    const items: OpenAIStreamItem[] = [this.#chunk({}, finishReason)];
    if (this.#options.includeUsage === true) {
      items.push({
        id: this.#id,
        object: 'chat.completion.chunk',
        created: this.#created,
        model: this.#model,
        choices: [],
        usage: anthropicUsageToOpenAI(this.#usage),
      });
    }
    return items;
  }
}

/**
 * A `TransformStream` from Anthropic stream events to OpenAI chat chunks (and at most one error
 * object, which ends the stream). See {@link AnthropicToOpenAIChunkConverter}.
 */
export function createAnthropicToOpenAIChunkStream(
  options: AnthropicToOpenAIChunkOptions = {},
): TransformStream<AnthropicStreamEvent, OpenAIStreamItem> {
  const converter = new AnthropicToOpenAIChunkConverter(options);
  return new TransformStream({
    transform(event, controller) {
      for (const item of converter.push(event)) controller.enqueue(item);
    },
    flush(controller) {
      for (const item of converter.finish()) controller.enqueue(item);
    },
  });
}
