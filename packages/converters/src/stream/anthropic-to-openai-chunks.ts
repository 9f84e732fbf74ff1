import type {
  AnthropicContentBlockDeltaEvent,
  AnthropicContentBlockStartEvent,
  AnthropicMessageStartEvent,
  AnthropicStreamEvent,
} from '../anthropic/stream-event';
import { unwrapCustomToolInput } from '../convert/custom-tool';
import { mapAnthropicStopReason } from '../convert/map-stop-reason';
import { anthropicUsageToOpenAI } from '../convert/map-usage';
import { openAICompletionIdFor, unixSeconds } from '../convert/response-ids';
import { toOpenAIError } from '../errors/error-bodies';
import type {
  OpenAIChatChunk,
  OpenAIChunkDelta,
  OpenAIStreamItem,
} from '../openai/chat-completion';
import { AnthropicStreamConverter } from './anthropic-stream-converter';
import { converterStream } from './converter-stream';

export interface AnthropicToOpenAIChunkOptions {
  /** `stream_options.include_usage`: end with a usage chunk (`choices: []`), `usage: null` elsewhere. */
  includeUsage?: boolean;
  /** Names of tools that were OpenAI `custom` tools: their calls are streamed as custom calls. */
  customToolNames?: Iterable<string>;
  /**
   * The request used the legacy `functions`: the call is streamed as `delta.function_call` (name, then
   * argument fragments) and the stream finishes with `function_call`, as OpenAI does. The legacy shape
   * holds one call, so only the first is sent (the request disables parallel calls).
   */
  legacyFunctions?: boolean;
  /** The model name to report; default: the one in `message_start`. */
  model?: string;
  /** `created` in Unix seconds; default: when `message_start` arrives. */
  created?: number;
}

type BlockState =
  | { kind: 'text' | 'thinking' | 'other' }
  | { kind: 'function'; toolIndex: number }
  | { kind: 'legacy_function' }
  | { kind: 'custom'; toolIndex: number; json: string };

/**
 * Converts Anthropic stream events to OpenAI chat chunks, one event at a time: a role chunk first, text
 * as `content`, thinking as `reasoning_content`, each tool call as a first delta with `index`, `id`,
 * `type` and name then argument fragments, a final chunk with a non-null `finish_reason`, and (when
 * asked) a usage chunk. An `error` event becomes an OpenAI error object and ends the stream; a stream
 * that stops before `message_stop` ends with an error object, never a clean finish. Custom tool input
 * is sent whole when its block closes, because it must be unwrapped from JSON.
 */
export class AnthropicToOpenAIChunkConverter extends AnthropicStreamConverter<OpenAIStreamItem> {
  readonly #options: AnthropicToOpenAIChunkOptions;
  readonly #custom: ReadonlySet<string>;
  readonly #blocks = new Map<number, BlockState>();
  #id = '';
  #model = '';
  #created = 0;
  #toolCount = 0;

  constructor(options: AnthropicToOpenAIChunkOptions = {}) {
    super();
    this.#options = options;
    this.#custom = new Set(options.customToolNames ?? []);
  }

  protected startMessage(message: AnthropicMessageStartEvent['message']): OpenAIStreamItem[] {
    this.#id = openAICompletionIdFor(message.id);
    this.#model = this.#options.model ?? message.model;
    this.#created = this.#options.created ?? unixSeconds();
    return [this.#chunk({ role: 'assistant', content: '' })];
  }

  protected failure(error: unknown): OpenAIStreamItem[] {
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

  protected startBlock(event: AnthropicContentBlockStartEvent): OpenAIStreamItem[] {
    const block = event.content_block;
    switch (block.type) {
      case 'text':
        this.#blocks.set(event.index, { kind: 'text' });
        return block.text === '' ? [] : [this.#chunk({ content: block.text })];
      case 'thinking':
        this.#blocks.set(event.index, { kind: 'thinking' });
        return block.thinking === '' ? [] : [this.#chunk({ reasoning_content: block.thinking })];
      case 'tool_use': {
        if (this.#options.legacyFunctions === true) {
          if (this.#toolCount++ > 0) {
            this.#blocks.set(event.index, { kind: 'other' });
            return [];
          }
          this.#blocks.set(event.index, { kind: 'legacy_function' });
          return [this.#chunk({ function_call: { name: block.name, arguments: '' } })];
        }
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

  protected blockDelta(event: AnthropicContentBlockDeltaEvent): OpenAIStreamItem[] {
    const { delta } = event;
    const block = this.#blocks.get(event.index);
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
        if (block?.kind === 'legacy_function' && delta.partial_json !== '') {
          return [this.#chunk({ function_call: { arguments: delta.partial_json } })];
        }
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

  protected stopBlock(index: number): OpenAIStreamItem[] {
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

  protected finishMessage(): OpenAIStreamItem[] {
    let finishReason = mapAnthropicStopReason({
      stopReason: this.stopReason,
      hasToolCalls: this.#toolCount > 0,
    });
    if (this.#options.legacyFunctions === true && finishReason === 'tool_calls') {
      finishReason = 'function_call';
    }
    const items: OpenAIStreamItem[] = [this.#chunk({}, finishReason)];
    if (this.#options.includeUsage === true) {
      items.push({
        id: this.#id,
        object: 'chat.completion.chunk',
        created: this.#created,
        model: this.#model,
        choices: [],
        usage: anthropicUsageToOpenAI(this.usage),
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
  return converterStream(new AnthropicToOpenAIChunkConverter(options));
}
