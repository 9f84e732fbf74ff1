import type {
  AnthropicContentBlockDeltaEvent,
  AnthropicContentBlockStartEvent,
  AnthropicMessageStartEvent,
  AnthropicStreamEvent,
} from '../anthropic/stream-event';
import { malformedUpstream } from '../convert/malformed-upstream';
import { anthropicUsageToResponses } from '../convert/map-usage';
import { encodeReasoningContent } from '../convert/reasoning-carrier';
import { responseIdFor, unixSeconds } from '../convert/response-ids';
import { toResponsesError } from '../convert/responses-error';
import type { ResponsesToolMap } from '../convert/responses-tool-map';
import type {
  ResponsesEcho,
  ResponsesItemStatus,
  ResponsesOutputItem,
  ResponsesResponse,
  ResponsesStatus,
  ResponsesStreamEvent,
} from '../responses/response';
import { AnthropicStreamConverter } from './anthropic-stream-converter';
import { converterStream } from './converter-stream';
import {
  closingEvents,
  deltaEvents,
  openItem,
  openingEvents,
  type NewResponsesEvent,
  type ReasoningForm,
} from './responses-item-events';
import { isCompleteToolInput, outputItem, type OpenItem } from './responses-output-item';

export interface AnthropicToResponsesOptions {
  /** From the request converter: which Anthropic tool names are custom, `local_shell` or namespaced. */
  toolMap?: ResponsesToolMap;
  /** `reasoning.summary` was set: thinking streams as a reasoning summary, else as `reasoning_text`. */
  reasoningSummary?: boolean;
  /** `include` has `reasoning.encrypted_content`: reasoning items carry the thinking block back. */
  includeEncryptedReasoning?: boolean;
  /** Request fields every `Response` echoes (instructions, tools, metadata, …). */
  echo?: Partial<ResponsesEcho>;
  /** The model name to report; default: the one in `message_start`. */
  model?: string;
  /** `created_at` in Unix seconds; default: when the first event arrives. */
  createdAt?: number;
}

const defaultEcho: ResponsesEcho = {
  instructions: null,
  max_output_tokens: null,
  metadata: {},
  parallel_tool_calls: true,
  reasoning: { effort: null, summary: null },
  store: false,
  temperature: null,
  text: { format: { type: 'text' } },
  tool_choice: 'auto',
  tools: [],
  top_p: null,
  truncation: 'disabled',
  user: null,
  prompt_cache_key: null,
};

/**
 * Converts Anthropic stream events to Responses stream events, one event at a time (protocols.md
 * §3.2): `response.created` and `response.in_progress` first; each content block becomes one output
 * item (`output_item.added` … `output_item.done`): text a `message` with `output_text` deltas,
 * thinking a `reasoning` item, tool use a `function_call` (argument deltas), `custom_tool_call` (the
 * raw input, whole, when the block closes) or `local_shell_call`. Every event has an increasing
 * `sequence_number`. The stream ends with `response.completed` (full output and usage),
 * `response.incomplete` (`max_tokens`, refusal) or `response.failed` (an `error` event, a stream that
 * stops early, or {@link fail}). Tool calls are complete in their `output_item.done`, which is where
 * Codex reads them.
 */
export class AnthropicToResponsesEventConverter extends AnthropicStreamConverter<ResponsesStreamEvent> {
  readonly #options: AnthropicToResponsesOptions;
  readonly #echo: ResponsesEcho;
  readonly #blocks = new Map<number, OpenItem>();
  readonly #output: ResponsesOutputItem[] = [];
  #responseId = '';
  #model = '';
  #createdAt = 0;
  #sequence = 0;
  #created = false;
  #malformedToolCall = false;

  constructor(options: AnthropicToResponsesOptions = {}) {
    super();
    this.#options = options;
    this.#echo = { ...defaultEcho, ...options.echo };
  }

  protected startMessage(message: AnthropicMessageStartEvent['message']): ResponsesStreamEvent[] {
    return this.#start(message.id, message.model);
  }

  /**
   * `response.failed` carrying `error` (preceded by `response.created` if the stream had not
   * started); items still open are in its output as `incomplete`.
   */
  protected failure(error: unknown): ResponsesStreamEvent[] {
    const events = this.#created ? [] : this.#start(undefined, undefined);
    // What was streamed so far stays in the output, cut short.
    for (const item of this.#blocks.values())
      this.#output[item.outputIndex] = this.#itemFor(item, 'incomplete');
    this.#blocks.clear();
    const response = this.#response('failed');
    response.error = toResponsesError(error);
    events.push(this.#emit({ type: 'response.failed', response }));
    return events;
  }

  #emit(event: NewResponsesEvent): ResponsesStreamEvent {
    return { ...event, sequence_number: this.#sequence++ };
  }

  #start(messageId: string | undefined, model: string | undefined): ResponsesStreamEvent[] {
    this.#created = true;
    this.#responseId = responseIdFor(messageId ?? `msg_${crypto.randomUUID().replace(/-/g, '')}`);
    this.#model = this.#options.model ?? model ?? '';
    this.#createdAt = this.#options.createdAt ?? unixSeconds();
    return [
      this.#emit({ type: 'response.created', response: this.#response('in_progress') }),
      this.#emit({ type: 'response.in_progress', response: this.#response('in_progress') }),
    ];
  }

  #response(status: ResponsesStatus): ResponsesResponse {
    const finished = status !== 'in_progress';
    return {
      id: this.#responseId,
      object: 'response',
      created_at: this.#createdAt,
      status,
      error: null,
      incomplete_details: null,
      model: this.#model,
      output: [...this.#output],
      previous_response_id: null,
      usage: finished ? anthropicUsageToResponses(this.usage) : null,
      ...this.#echo,
    };
  }

  get #reasoningForm(): ReasoningForm {
    return this.#options.reasoningSummary === true ? 'summary' : 'text';
  }

  #itemFor(item: OpenItem, status: ResponsesItemStatus): ResponsesOutputItem {
    let encrypted: string | undefined;
    if (
      item.kind === 'reasoning' &&
      status !== 'in_progress' &&
      this.#options.includeEncryptedReasoning
    ) {
      encrypted = encodeReasoningContent(
        item.redacted === undefined
          ? { type: 'thinking', thinking: item.text, signature: item.signature }
          : { type: 'redacted_thinking', data: item.redacted },
      );
    }
    return outputItem({ item, status, reasoning: this.#reasoningForm, encrypted });
  }

  protected startBlock(event: AnthropicContentBlockStartEvent): ResponsesStreamEvent[] {
    if (this.#blocks.has(event.index)) {
      return this.fail(
        malformedUpstream(`Content block ${event.index} started twice.`, 'anthropic'),
      );
    }
    const item = openItem({
      block: event.content_block,
      outputIndex: this.#output.length + this.#blocks.size,
      responseId: this.#responseId,
      toolMap: this.#options.toolMap,
    });
    if (item === undefined) return [];
    this.#blocks.set(event.index, item);
    return [
      this.#emit({
        type: 'response.output_item.added',
        output_index: item.outputIndex,
        item: this.#itemFor(item, 'in_progress'),
      }),
      ...openingEvents(item, this.#reasoningForm).map((added) => this.#emit(added)),
    ];
  }

  protected blockDelta(event: AnthropicContentBlockDeltaEvent): ResponsesStreamEvent[] {
    const item = this.#blocks.get(event.index);
    if (item === undefined) return [];
    return deltaEvents(item, event.delta, this.#reasoningForm).map((delta) => this.#emit(delta));
  }

  protected stopBlock(index: number): ResponsesStreamEvent[] {
    const item = this.#blocks.get(index);
    if (item === undefined) return [];
    this.#blocks.delete(index);
    let status: ResponsesItemStatus = 'completed';
    if (item.kind === 'tool' && !isCompleteToolInput(item)) {
      status = 'incomplete';
      this.#malformedToolCall = true;
    }
    const events = closingEvents(item, this.#reasoningForm).map((closing) => this.#emit(closing));
    const done = this.#itemFor(item, status);
    this.#output[item.outputIndex] = done;
    events.push(
      this.#emit({ type: 'response.output_item.done', output_index: item.outputIndex, item: done }),
    );
    return events;
  }

  protected finishMessage(): ResponsesStreamEvent[] {
    if (this.#blocks.size > 0) {
      return this.fail(
        malformedUpstream('The upstream ended the message with a block still open.', 'anthropic'),
      );
    }
    const truncated =
      this.stopReason === 'max_tokens' || this.stopReason === 'model_context_window_exceeded';
    if (this.#malformedToolCall && !truncated) {
      return this.fail(
        malformedUpstream('The upstream sent tool arguments that are not valid JSON.', 'anthropic'),
      );
    }
    if (truncated || this.stopReason === 'refusal') {
      const response = this.#response('incomplete');
      response.incomplete_details = { reason: truncated ? 'max_output_tokens' : 'content_filter' };
      return [this.#emit({ type: 'response.incomplete', response })];
    }
    return [this.#emit({ type: 'response.completed', response: this.#response('completed') })];
  }
}

/**
 * A `TransformStream` from Anthropic stream events to Responses stream events (ending with exactly
 * one terminal event). See {@link AnthropicToResponsesEventConverter}; pass `converter` to keep a
 * handle on it (e.g. to {@link AnthropicToResponsesEventConverter.fail} on a timeout).
 */
export function createAnthropicToResponsesEventStream(
  options: AnthropicToResponsesOptions = {},
  converter = new AnthropicToResponsesEventConverter(options),
): TransformStream<AnthropicStreamEvent, ResponsesStreamEvent> {
  return converterStream(converter);
}
