import type { AnthropicContentBlock, AnthropicMessage, AnthropicUsage } from '../anthropic/message';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { malformedUpstream } from '../convert/malformed-upstream';
import { mergeAnthropicUsage } from '../convert/map-usage';
import { parseToolArguments } from '../convert/parse-tool-arguments';
import { errorFromAnthropicBody } from '../errors/error-from-protocol-body';
import { iterate } from './read-all';

interface ToolBuffer {
  block: Extract<AnthropicContentBlock, { type: 'tool_use' }>;
  json: string;
}

/**
 * Builds the final non-stream message from Anthropic stream events, incrementally: `push` each event,
 * then `finish`. An `error` event throws the matching {@link OctoProxyError} (rebuilt with
 * `errorFromAnthropicBody`); a stream without `message_start` or `message_stop`, or with tool input that
 * is not JSON (unless stopped by `max_tokens`), throws an upstream error.
 */
export class AnthropicMessageAccumulator {
  #message: AnthropicMessage | undefined;
  #usage: Partial<AnthropicUsage> = {};
  #stopped = false;
  readonly #tools = new Map<number, ToolBuffer>();

  /** Applies one event. Throws on an `error` event or an event out of order. */
  push(event: AnthropicStreamEvent): void {
    if (event.type === 'error') throw errorFromAnthropicBody(event);
    if (event.type === 'ping') return;
    if (event.type === 'message_start') {
      if (this.#message !== undefined)
        throw malformedUpstream('The upstream sent message_start twice.', 'anthropic');
      this.#message = { ...event.message, content: [] };
      this.#usage = { ...event.message.usage };
      return;
    }
    const message = this.#message;
    if (message === undefined)
      throw malformedUpstream(`The upstream sent ${event.type} before message_start.`, 'anthropic');
    switch (event.type) {
      case 'content_block_start': {
        const block = { ...event.content_block } as AnthropicContentBlock;
        message.content[event.index] = block;
        if (block.type === 'tool_use') this.#tools.set(event.index, { block, json: '' });
        return;
      }
      case 'content_block_delta':
        this.#applyDelta(message.content[event.index], event);
        return;
      case 'content_block_stop':
        return;
      case 'message_delta':
        message.stop_reason = event.delta.stop_reason;
        message.stop_sequence = event.delta.stop_sequence;
        this.#usage = mergeAnthropicUsage(this.#usage, event.usage);
        return;
      case 'message_stop':
        this.#stopped = true;
        return;
    }
  }

  /** Returns the finished message; throws if the stream was incomplete. */
  finish(): AnthropicMessage {
    const message = this.#message;
    if (message === undefined)
      throw malformedUpstream('The upstream stream ended without message_start.', 'anthropic');
    if (!this.#stopped)
      throw malformedUpstream('The upstream stream ended before message_stop.', 'anthropic');
    for (const { block, json } of this.#tools.values()) {
      const input = parseToolArguments(json);
      if (input === undefined && message.stop_reason !== 'max_tokens') {
        throw malformedUpstream(
          `Tool call ${block.id} has input that is not a JSON object.`,
          'anthropic',
        );
      }
      block.input = input ?? {};
    }
    const usage: AnthropicUsage = {
      input_tokens: this.#usage.input_tokens ?? 0,
      output_tokens: this.#usage.output_tokens ?? 0,
      cache_creation_input_tokens: this.#usage.cache_creation_input_tokens ?? 0,
      cache_read_input_tokens: this.#usage.cache_read_input_tokens ?? 0,
    };
    return { ...message, content: message.content.filter((block) => block !== undefined), usage };
  }

  #applyDelta(
    block: AnthropicContentBlock | undefined,
    event: Extract<AnthropicStreamEvent, { type: 'content_block_delta' }>,
  ): void {
    const delta = event.delta;
    switch (delta.type) {
      case 'text_delta':
        if (block?.type === 'text') block.text += delta.text;
        return;
      case 'thinking_delta':
        if (block?.type === 'thinking') block.thinking += delta.thinking;
        return;
      case 'signature_delta':
        if (block?.type === 'thinking') block.signature = delta.signature;
        return;
      case 'input_json_delta': {
        const tool = this.#tools.get(event.index);
        if (tool !== undefined) tool.json += delta.partial_json;
        return;
      }
      case 'citations_delta':
        if (block?.type === 'text') block.citations = [...(block.citations ?? []), delta.citation];
        return;
    }
  }
}

/** Consumes a whole Anthropic event stream and returns the final message (see {@link AnthropicMessageAccumulator}). */
export async function aggregateAnthropicStream(
  events: ReadableStream<AnthropicStreamEvent> | AsyncIterable<AnthropicStreamEvent>,
): Promise<AnthropicMessage> {
  const accumulator = new AnthropicMessageAccumulator();
  for await (const event of iterate(events)) accumulator.push(event);
  return accumulator.finish();
}
