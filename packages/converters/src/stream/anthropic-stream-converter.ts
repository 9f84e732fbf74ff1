import type { AnthropicStopReason, AnthropicUsage } from '../anthropic/message';
import type {
  AnthropicContentBlockDeltaEvent,
  AnthropicContentBlockStartEvent,
  AnthropicMessageStartEvent,
  AnthropicStreamEvent,
} from '../anthropic/stream-event';
import { malformedUpstream } from '../convert/malformed-upstream';
import { mergeAnthropicUsage } from '../convert/map-usage';
import { errorFromAnthropicBody } from '../errors/error-from-protocol-body';

/**
 * What every converter of an Anthropic event stream checks and keeps: `ping`s are skipped, an
 * `error` event fails the stream, `message_start` must come first and only once, `message_delta`s
 * collect the stop reason and usage, and a stream that ends before `message_stop` fails. Nothing is
 * sent after the stream ended. Subclasses turn the message and its blocks into their protocol's
 * items, and say how their protocol reports a failure.
 */
export abstract class AnthropicStreamConverter<Item> {
  /** The stop reason of the latest `message_delta` that had one. */
  protected stopReason: AnthropicStopReason | null = null;
  /** `message_start`'s usage, updated by every `message_delta`. */
  protected usage: Partial<AnthropicUsage> = {};
  #started = false;
  #done = false;

  /** Whether the stream has ended: finished, or failed. */
  get done(): boolean {
    return this.#done;
  }

  /** Converts one event; returns the items to send (often none or one, sometimes several). */
  push(event: AnthropicStreamEvent): Item[] {
    if (this.#done || event.type === 'ping') return [];
    if (event.type === 'error') return this.fail(errorFromAnthropicBody(event));
    if (event.type === 'message_start') {
      if (this.#started)
        return this.fail(malformedUpstream('The upstream sent message_start twice.', 'anthropic'));
      this.#started = true;
      this.usage = { ...event.message.usage };
      return this.startMessage(event.message);
    }
    if (!this.#started) {
      return this.fail(
        malformedUpstream(`The upstream sent ${event.type} before message_start.`, 'anthropic'),
      );
    }
    switch (event.type) {
      case 'content_block_start':
        return this.startBlock(event);
      case 'content_block_delta':
        return this.blockDelta(event);
      case 'content_block_stop':
        return this.stopBlock(event.index);
      case 'message_delta':
        this.stopReason = event.delta.stop_reason ?? this.stopReason;
        this.usage = mergeAnthropicUsage(this.usage, event.usage);
        return [];
      case 'message_stop': {
        const items = this.finishMessage();
        this.#done = true;
        return items;
      }
    }
  }

  /** Call when the input ends; reports a stream that ended before `message_stop`. */
  finish(): Item[] {
    if (this.#done) return [];
    return this.fail(
      malformedUpstream('The upstream stream ended before the message was complete.', 'anthropic'),
    );
  }

  /**
   * Ends the stream with the protocol's failure carrying `error` (also for an error the caller
   * detected, e.g. a timeout). Nothing once the stream ended.
   */
  fail(error: unknown): Item[] {
    if (this.#done) return [];
    this.#done = true;
    return this.failure(error);
  }

  protected abstract startMessage(message: AnthropicMessageStartEvent['message']): Item[];
  protected abstract startBlock(event: AnthropicContentBlockStartEvent): Item[];
  protected abstract blockDelta(event: AnthropicContentBlockDeltaEvent): Item[];
  protected abstract stopBlock(index: number): Item[];
  /** The items that end a complete message; a message that cannot be completed may {@link fail}. */
  protected abstract finishMessage(): Item[];
  /** The items that end a failed stream. */
  protected abstract failure(error: unknown): Item[];
}
