import type { AnthropicUsage } from '../anthropic/message';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { malformedUpstream } from '../convert/malformed-upstream';
import { mapOpenAIFinishReason } from '../convert/map-stop-reason';
import { openAIUsageToAnthropic } from '../convert/map-usage';
import { parseToolArguments } from '../convert/parse-tool-arguments';
import { anthropicMessageIdFor } from '../convert/response-ids';
import { createToolIdMapper } from '../convert/tool-id-mapper';
import { toAnthropicError } from '../errors/error-bodies';
import { errorFromOpenAIBody } from '../errors/error-from-protocol-body';
import {
  isOpenAIErrorBody,
  type OpenAIChatChunk,
  type OpenAIFinishReason,
  type OpenAIStreamItem,
  type OpenAIToolCallDelta,
} from '../openai/chat-completion';
import { converterStream } from './converter-stream';

export interface OpenAIToAnthropicEventOptions {
  /** The model name to report; default: the one in the first chunk. */
  model?: string;
  /** Prompt size to report in `message_start` until the upstream's usage arrives (never leave it 0). */
  inputTokens?: number;
  /**
   * Signature to close thinking blocks with. OpenAI reasoning has none; Anthropic clients replay
   * thinking with its signature, so a gateway may set a recognizable opaque value here.
   */
  thinkingSignature?: string;
}

interface ToolState {
  /** Every argument fragment so far, to check the JSON is complete when the stream ends. */
  text: string;
  id: string | undefined;
  name: string | undefined;
  custom: boolean;
  /** Fragments not yet sent: they may arrive before the name. */
  pending: string;
  blockIndex: number | undefined;
  closed: boolean;
  sentArguments: boolean;
}

type OpenBlock =
  { kind: 'text' | 'thinking'; index: number } | { kind: 'tool'; index: number; tool: ToolState };

/** JSON-string-escapes a custom tool input fragment (escaping is per character, so fragments concatenate). */
const escapeFragment = (fragment: string): string => JSON.stringify(fragment).slice(1, -1);

/**
 * Converts OpenAI chat chunks to Anthropic stream events, one chunk at a time, in strict order:
 * `message_start`, then one block at a time (`content_block_start`, deltas, `content_block_stop`) with
 * indexes 0, 1, 2…, then `message_delta` with cumulative usage and `message_stop` once the input ends.
 * `reasoning_content` becomes thinking, tool calls become `tool_use` blocks (fragments that arrive before
 * the name are held until it does; custom tool input is wrapped as `{"input": …}`). An OpenAI error
 * object becomes an `error` event. A stream with no `finish_reason`, with a tool call that never got
 * its name, or with tool arguments that are not complete JSON (unless cut by the length limit) ends
 * with an `error` event, never a clean turn.
 */
export class OpenAIToAnthropicEventConverter {
  readonly #options: OpenAIToAnthropicEventOptions;
  readonly #tools = new Map<number, ToolState>();
  readonly #mapToolId = createToolIdMapper([]);
  #started = false;
  #done = false;
  #messageId = '';
  #nextIndex = 0;
  #open: OpenBlock | undefined;
  #finishReason: OpenAIFinishReason | undefined;
  #usage: AnthropicUsage | undefined;

  constructor(options: OpenAIToAnthropicEventOptions = {}) {
    this.#options = options;
  }

  /** Converts one chunk (or error object); returns the events to send. */
  push(item: OpenAIStreamItem): AnthropicStreamEvent[] {
    if (this.#done) return [];
    if (isOpenAIErrorBody(item)) return this.#fail(errorFromOpenAIBody(item));
    const events: AnthropicStreamEvent[] = [];
    // A ping after message_start, as Anthropic sends, lets clients see the stream is alive.
    if (!this.#started) events.push(this.#messageStart(item), { type: 'ping' });
    if (item.usage != null) this.#usage = openAIUsageToAnthropic(item.usage);
    for (const choice of item.choices) {
      if (choice.index !== 0) continue;
      const delta = choice.delta as OpenAIChatChunk['choices'][number]['delta'] & {
        reasoning?: string | null;
      };
      const reasoning = delta.reasoning_content ?? delta.reasoning;
      if (typeof reasoning === 'string' && reasoning !== '')
        events.push(...this.#text('thinking', reasoning));
      if (typeof delta.content === 'string' && delta.content !== '')
        events.push(...this.#text('text', delta.content));
      if (typeof delta.refusal === 'string' && delta.refusal !== '')
        events.push(...this.#text('text', delta.refusal));
      for (const call of delta.tool_calls ?? []) {
        const toolEvents = this.#toolDelta(call);
        if (toolEvents === undefined)
          return [
            ...events,
            ...this.#fail(
              malformedUpstream('The upstream interleaved the arguments of several tool calls.'),
            ),
          ];
        events.push(...toolEvents);
      }
      if (choice.finish_reason != null) this.#finishReason = choice.finish_reason;
    }
    return events;
  }

  /** Call when the input ends: closes the message, or reports why it cannot. */
  finish(): AnthropicStreamEvent[] {
    if (this.#done) return [];
    if (!this.#started)
      return this.#fail(malformedUpstream('The upstream stream ended without any chunk.'));
    if (this.#finishReason === undefined) {
      return this.#fail(malformedUpstream('The upstream stream ended before a finish_reason.'));
    }
    const truncated = [...this.#tools.values()].find(
      (tool) => !tool.custom && parseToolArguments(tool.text) === undefined,
    );
    if (truncated !== undefined && this.#finishReason !== 'length') {
      return this.#fail(
        malformedUpstream(
          `Tool call ${truncated.id ?? ''} has arguments that are not a JSON object.`,
        ),
      );
    }
    const unnamed = [...this.#tools.values()].find((tool) => tool.blockIndex === undefined);
    if (unnamed !== undefined)
      return this.#fail(malformedUpstream('A tool call never received its name.'));
    this.#done = true;
    const events = this.#close();
    const usage = this.#usage ?? openAIUsageToAnthropic(undefined);
    const stopReason =
      this.#tools.size > 0 && this.#finishReason === 'stop'
        ? 'tool_use'
        : mapOpenAIFinishReason(this.#finishReason);
    events.push(
      {
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: this.#usage === undefined ? { output_tokens: usage.output_tokens } : usage,
      },
      { type: 'message_stop' },
    );
    return events;
  }

  #fail(error: unknown): AnthropicStreamEvent[] {
    this.#done = true;
    return [toAnthropicError(error).body];
  }

  #messageStart(chunk: OpenAIChatChunk): AnthropicStreamEvent {
    this.#started = true;
    this.#messageId = anthropicMessageIdFor(chunk.id);
    const usage = chunk.usage == null ? undefined : openAIUsageToAnthropic(chunk.usage);
    return {
      type: 'message_start',
      message: {
        id: this.#messageId,
        type: 'message',
        role: 'assistant',
        model: this.#options.model ?? chunk.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: usage ?? {
          input_tokens: this.#options.inputTokens ?? 0,
          output_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
    };
  }

  #close(): AnthropicStreamEvent[] {
    const open = this.#open;
    if (open === undefined) return [];
    this.#open = undefined;
    const events: AnthropicStreamEvent[] = [];
    if (open.kind === 'thinking' && this.#options.thinkingSignature !== undefined) {
      events.push({
        type: 'content_block_delta',
        index: open.index,
        delta: { type: 'signature_delta', signature: this.#options.thinkingSignature },
      });
    }
    if (open.kind === 'tool') {
      open.tool.closed = true;
      const tail = open.tool.custom ? '"}' : open.tool.sentArguments ? '' : '{}';
      if (tail !== '') {
        events.push({
          type: 'content_block_delta',
          index: open.index,
          delta: { type: 'input_json_delta', partial_json: tail },
        });
      }
    }
    events.push({ type: 'content_block_stop', index: open.index });
    return events;
  }

  #text(kind: 'text' | 'thinking', text: string): AnthropicStreamEvent[] {
    const events: AnthropicStreamEvent[] = [];
    if (this.#open?.kind !== kind) {
      events.push(...this.#close());
      const index = this.#nextIndex++;
      this.#open = { kind, index };
      events.push({
        type: 'content_block_start',
        index,
        content_block:
          kind === 'text'
            ? { type: 'text', text: '' }
            : { type: 'thinking', thinking: '', signature: '' },
      });
    }
    const index = this.#open?.index ?? 0;
    events.push({
      type: 'content_block_delta',
      index,
      delta:
        kind === 'text' ? { type: 'text_delta', text } : { type: 'thinking_delta', thinking: text },
    });
    return events;
  }

  /** `undefined` when fragments arrive for a tool call whose block is already closed. */
  #toolDelta(call: OpenAIToolCallDelta): AnthropicStreamEvent[] | undefined {
    let tool = this.#tools.get(call.index);
    if (tool === undefined) {
      tool = {
        id: undefined,
        name: undefined,
        custom: false,
        pending: '',
        blockIndex: undefined,
        closed: false,
        sentArguments: false,
        text: '',
      };
      this.#tools.set(call.index, tool);
    }
    tool.id ??= call.id ?? undefined;
    if (call.type === 'custom' || call.custom !== undefined) tool.custom = true;
    tool.name ??= call.function?.name ?? call.custom?.name ?? undefined;
    const fragment = call.function?.arguments ?? call.custom?.input ?? '';
    tool.text += fragment;
    tool.pending += tool.custom ? escapeFragment(fragment) : fragment;
    if (tool.closed) return tool.pending === '' ? [] : undefined;
    const events: AnthropicStreamEvent[] = [];
    if (tool.blockIndex === undefined) {
      if (tool.name === undefined || tool.name === '') return events;
      events.push(...this.#close());
      tool.blockIndex = this.#nextIndex++;
      this.#open = { kind: 'tool', index: tool.blockIndex, tool };
      const id = this.#mapToolId(tool.id ?? `toolu_${this.#messageId}_${call.index}`);
      events.push({
        type: 'content_block_start',
        index: tool.blockIndex,
        content_block: { type: 'tool_use', id, name: tool.name, input: {} },
      });
      if (tool.custom) tool.pending = `{"input":"${tool.pending}`;
    }
    if (tool.pending !== '') {
      events.push({
        type: 'content_block_delta',
        index: tool.blockIndex,
        delta: { type: 'input_json_delta', partial_json: tool.pending },
      });
      tool.pending = '';
      tool.sentArguments = true;
    }
    return events;
  }
}

/**
 * A `TransformStream` from OpenAI chat chunks (and error objects) to Anthropic stream events.
 * See {@link OpenAIToAnthropicEventConverter}.
 */
export function createOpenAIToAnthropicEventStream(
  options: OpenAIToAnthropicEventOptions = {},
): TransformStream<OpenAIStreamItem, AnthropicStreamEvent> {
  return converterStream(new OpenAIToAnthropicEventConverter(options));
}
