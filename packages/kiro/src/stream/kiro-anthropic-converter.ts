import { randomUUID } from 'node:crypto';

import type { AnthropicStopReason, AnthropicStreamEvent } from '@octoproxy/converters';
import { toAnthropicError } from '@octoproxy/converters';

import { KiroUpstreamError } from '../errors/kiro-errors';
import { fromKiroToolName, type ToolNameMap } from '../request/tool-name-codec';
import { AnthropicBlockWriter, type ClosedToolCall } from './anthropic-block-writer';
import { exceptionToError } from './exception-to-error';
import { InlineThinkingParser, type ThinkingSegment } from './inline-thinking-parser';
import type { KiroEvent, KiroTokenUsage } from './kiro-event';
import type { KiroStreamSummary } from './kiro-stream-summary';

export interface KiroAnthropicConverterOptions {
  /** The model name the client asked for, echoed in `message_start`. */
  model: string;
  /** Prompt size estimate (or a better count from the caller); never reported as 0. */
  inputTokens: number;
  /** The Kiro model's context window, to turn `contextUsagePercentage` into tokens. */
  contextWindowTokens: number;
  /** Aliases given to tool names in the request; reversed on output. */
  toolNames?: ToolNameMap | undefined;
  /** The client asked for thinking: parse inline tags and keep reasoning events. */
  thinking?: boolean | undefined;
  /** `omitted`: thinking blocks keep their signature but not their text (Anthropic `display`). */
  thinkingDisplay?: 'summarized' | 'omitted' | undefined;
  messageId?: string | undefined;
}

const validToolId = /^[a-zA-Z0-9_-]+$/;

/**
 * Turns Kiro events into Anthropic stream events, one event at a time (nothing is buffered beyond a
 * partial thinking tag). `message_start` goes out with the first Kiro event, so a failure before any
 * upstream event leaves nothing committed. Exception frames throw typed errors; the caller decides
 * whether they become a stream error (nothing sent yet) or an in-band `error` event ({@link fail}).
 */
export class KiroAnthropicConverter {
  readonly #options: KiroAnthropicConverterOptions;
  readonly #out: AnthropicStreamEvent[] = [];
  readonly #writer: AnthropicBlockWriter;
  readonly #parser: InlineThinkingParser | undefined;
  readonly #closedTools: ClosedToolCall[] = [];
  readonly #seenToolIds = new Set<string>();
  #started = false;
  #finished = false;
  #contentLengthExceeded = false;
  #tokenUsage: KiroTokenUsage | undefined;
  readonly summary: KiroStreamSummary;

  constructor(options: KiroAnthropicConverterOptions) {
    this.#options = options;
    this.#parser = options.thinking ? new InlineThinkingParser() : undefined;
    this.#writer = new AnthropicBlockWriter({
      emit: (event) => this.#out.push(event),
      onToolClosed: (call) => this.#closedTools.push(call),
    });
    this.summary = {
      stopReason: null,
      inputTokens: Math.max(1, Math.round(options.inputTokens)),
      inputTokensSource: 'estimate',
      outputTokens: 0,
      outputTokensExact: false,
      cacheReadInputTokens: 0,
      cacheWriteInputTokens: 0,
      credits: undefined,
      creditUnit: undefined,
      contextUsagePercentage: undefined,
      upstreamConversationId: undefined,
      utteranceId: undefined,
      toolCalls: 0,
      error: undefined,
    };
  }

  /** Whether `message_start` was emitted (after that, failures must be reported in-band). */
  get started(): boolean {
    return this.#started;
  }

  push(event: KiroEvent): AnthropicStreamEvent[] {
    if (this.#finished) return [];
    if (event.type === 'exception' && event.exceptionType !== 'ContentLengthExceededException') {
      throw exceptionToError({
        exceptionType: event.exceptionType,
        message: event.message,
        promptTokens: this.summary.inputTokens,
        contextWindowTokens: this.#options.contextWindowTokens,
      });
    }
    if (event.type === 'invalidState') {
      throw new KiroUpstreamError({
        reason: 'upstream_5xx',
        message: 'The upstream reported an invalid state.',
        upstream: { reason: event.reason, message: event.message },
      });
    }
    this.#start();
    this.#handle(event);
    return this.#drain();
  }

  /** The upstream stream ended cleanly: close blocks, then `message_delta` and `message_stop`. */
  finish(): AnthropicStreamEvent[] {
    if (this.#finished) return [];
    if (!this.#started) {
      throw new KiroUpstreamError({
        reason: 'upstream_5xx',
        message: 'The upstream ended the response without sending anything.',
      });
    }
    this.#finished = true;
    this.#segments(this.#parser?.flush() ?? []);
    this.#writer.close();
    this.summary.stopReason = this.#stopReason();
    this.summary.outputTokens = this.#tokenUsage?.outputTokens ?? this.#writer.output.tokens;
    this.summary.outputTokensExact = this.#tokenUsage?.outputTokens !== undefined;
    const usage: Extract<AnthropicStreamEvent, { type: 'message_delta' }>['usage'] = {
      output_tokens: this.summary.outputTokens,
    };
    if (this.summary.inputTokensSource !== 'estimate') {
      usage.input_tokens = this.summary.inputTokens;
      usage.cache_read_input_tokens = this.summary.cacheReadInputTokens;
      usage.cache_creation_input_tokens = this.summary.cacheWriteInputTokens;
    }
    this.#out.push(
      {
        type: 'message_delta',
        delta: { stop_reason: this.summary.stopReason, stop_sequence: null },
        usage,
      },
      { type: 'message_stop' },
    );
    return this.#drain();
  }

  /** The stream failed after `message_start`: an in-band `error` event ends it. */
  fail(error: unknown): AnthropicStreamEvent[] {
    if (this.#finished) return [];
    this.#finished = true;
    this.#out.push(toAnthropicError(error).body);
    return this.#drain();
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#out.push({
      type: 'message_start',
      message: {
        id: this.#options.messageId ?? `msg_${randomUUID().replaceAll('-', '')}`,
        type: 'message',
        role: 'assistant',
        model: this.#options.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: this.summary.inputTokens,
          output_tokens: 1,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
    });
  }

  #handle(event: KiroEvent): void {
    switch (event.type) {
      case 'assistantResponse':
        this.#segments(
          this.#parser ? this.#parser.push(event.content) : [{ kind: 'text', text: event.content }],
        );
        return;
      case 'reasoningContent':
        if (!this.#options.thinking) return;
        this.#segments(this.#parser?.disable() ?? []);
        if (event.redactedContent !== undefined)
          this.#writer.redactedThinking(event.redactedContent);
        if (event.text !== undefined)
          this.#writer.thinking(event.text, this.#options.thinkingDisplay !== 'omitted');
        if (event.signature !== undefined) this.#writer.thinkingSignature(event.signature);
        return;
      case 'toolUse':
        this.#toolUse(event);
        return;
      case 'metering':
        this.summary.credits = (this.summary.credits ?? 0) + event.usage;
        this.summary.creditUnit = event.unit ?? this.summary.creditUnit;
        return;
      case 'contextUsage':
        this.summary.contextUsagePercentage = event.contextUsagePercentage;
        if (this.summary.inputTokensSource !== 'metadata') {
          this.summary.inputTokens = Math.max(
            1,
            Math.round((event.contextUsagePercentage * this.#options.contextWindowTokens) / 100),
          );
          this.summary.inputTokensSource = 'context_usage';
        }
        return;
      case 'metadata':
        if (event.tokenUsage !== undefined) this.#metadataUsage(event.tokenUsage);
        return;
      case 'messageMetadata':
        this.summary.upstreamConversationId =
          event.conversationId ?? this.summary.upstreamConversationId;
        this.summary.utteranceId = event.utteranceId ?? this.summary.utteranceId;
        return;
      case 'exception':
        // Only ContentLengthExceededException gets here: the output hit its token budget.
        this.#contentLengthExceeded = true;
        return;
      case 'invalidState':
      case 'ignored':
        return;
    }
  }

  #metadataUsage(tokenUsage: KiroTokenUsage): void {
    this.#tokenUsage = { ...this.#tokenUsage, ...tokenUsage };
    if (tokenUsage.uncachedInputTokens !== undefined) {
      this.summary.inputTokens = Math.max(1, tokenUsage.uncachedInputTokens);
      this.summary.cacheReadInputTokens = tokenUsage.cacheReadInputTokens ?? 0;
      this.summary.cacheWriteInputTokens = tokenUsage.cacheWriteInputTokens ?? 0;
      this.summary.inputTokensSource = 'metadata';
    }
  }

  #toolUse(event: Extract<KiroEvent, { type: 'toolUse' }>): void {
    const id = validToolId.test(event.toolUseId)
      ? event.toolUseId
      : event.toolUseId.replace(/[^a-zA-Z0-9_-]/g, '_');
    if (this.#writer.openToolUseId !== id) {
      // Fragments of a call that already closed cannot be reopened; Kiro does not interleave calls.
      if (this.#seenToolIds.has(id)) return;
      this.#segments(this.#parser?.flush() ?? []);
      this.#seenToolIds.add(id);
      this.#writer.startToolUse(
        id,
        fromKiroToolName(event.name, this.#options.toolNames ?? new Map()),
      );
    }
    if (event.input !== undefined) this.#writer.toolInput(event.input);
    if (event.stop) this.#writer.close();
  }

  #segments(segments: readonly ThinkingSegment[]): void {
    for (const segment of segments) {
      switch (segment.kind) {
        case 'text':
          this.#writer.text(segment.text);
          break;
        case 'thinking':
          this.#writer.thinking(segment.text, this.#options.thinkingDisplay !== 'omitted');
          break;
        case 'thinking_end':
          this.#writer.close();
          break;
      }
    }
  }

  #stopReason(): AnthropicStopReason {
    this.summary.toolCalls = this.#closedTools.length;
    // Arguments cut off mid-JSON cannot be run: tell the client the output budget ran out.
    if (this.#closedTools.some((call) => !call.complete)) return 'max_tokens';
    if (this.#closedTools.length > 0) return 'tool_use';
    if (this.#contentLengthExceeded) return 'max_tokens';
    if ((this.summary.contextUsagePercentage ?? 0) >= 100) return 'model_context_window_exceeded';
    const counts = this.#writer.counts;
    if (counts.thinking > 0 && counts.text === 0) return 'max_tokens';
    return 'end_turn';
  }

  #drain(): AnthropicStreamEvent[] {
    return this.#out.splice(0, this.#out.length);
  }
}
