import type { AnthropicStreamEvent } from '@octoproxy/converters';

import { isKiroError } from '../errors/kiro-error';
import { KiroTimeoutError } from '../errors/kiro-errors';
import { asKiroError } from '../stream/create-kiro-to-anthropic-stream';
import { EventStreamFramer } from '../stream/event-stream-framer';
import type { KiroAnthropicConverter } from '../stream/kiro-anthropic-converter';
import type { KiroStreamSummary } from '../stream/kiro-stream-summary';
import { decodeKiroFrame } from '../stream/create-kiro-event-decoder';
import { transportError } from './http-call';

export interface KiroResponseStreamOptions {
  body: AsyncIterable<Uint8Array>;
  converter: KiroAnthropicConverter;
  /** Closes the upstream connection (aborts the undici request). */
  abort: (reason: unknown) => void;
  /** The caller's signal: its abort is the client going away, not an upstream failure. */
  signal?: AbortSignal | undefined;
  /** Epoch ms by which the first body bytes must arrive. */
  firstByteDeadline: number;
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
  maxFrameBytes: number;
  now: () => number;
  onSummary: (summary: KiroStreamSummary) => void;
}

/**
 * Reads Kiro's response body on demand (pull-based, so a slow client slows the upstream read) and
 * yields Anthropic events. Watches the first-byte and idle budgets; cancel or abort closes the
 * upstream connection at once.
 */
export function kiroResponseStream(
  options: KiroResponseStreamOptions,
): ReadableStream<AnthropicStreamEvent> {
  const { converter } = options;
  const iterator = options.body[Symbol.asyncIterator]();
  const framer = new EventStreamFramer(options.maxFrameBytes);
  let receivedBytes = false;
  let done = false;

  function finish(): void {
    if (done) return;
    done = true;
    options.onSummary(converter.summary);
  }

  async function nextChunk(): Promise<IteratorResult<Uint8Array>> {
    const waitMs = receivedBytes
      ? options.idleTimeoutMs
      : Math.max(0, options.firstByteDeadline - options.now());
    let timedOut: KiroTimeoutError | undefined;
    const timer = setTimeout(() => {
      timedOut = receivedBytes
        ? new KiroTimeoutError({ reason: 'idle_timeout', timeoutMs: options.idleTimeoutMs })
        : new KiroTimeoutError({
            reason: 'first_byte_timeout',
            timeoutMs: options.firstByteTimeoutMs,
          });
      options.abort(timedOut);
    }, waitMs);
    try {
      return await iterator.next();
    } catch (error) {
      throw (
        timedOut ??
        (isKiroError(error)
          ? error
          : transportError(error, { signal: options.signal, headersTimeoutMs: 0 }))
      );
    } finally {
      clearTimeout(timer);
    }
  }

  function fail(
    error: unknown,
    controller: ReadableStreamDefaultController<AnthropicStreamEvent>,
  ): void {
    options.abort(error);
    if (options.signal?.aborted) {
      controller.error(options.signal.reason);
    } else {
      const typed = asKiroError(error);
      converter.summary.error = typed;
      if (converter.started) {
        for (const event of converter.fail(typed)) controller.enqueue(event);
        controller.close();
      } else {
        controller.error(typed);
      }
    }
    finish();
  }

  return new ReadableStream<AnthropicStreamEvent>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await nextChunk();
          if (next.done) {
            framer.end();
            for (const event of converter.finish()) controller.enqueue(event);
            controller.close();
            finish();
            return;
          }
          receivedBytes = true;
          let emitted = 0;
          for (const frame of framer.push(next.value)) {
            for (const event of converter.push(decodeKiroFrame(frame))) {
              controller.enqueue(event);
              emitted++;
            }
          }
          if (emitted > 0) return;
        }
      } catch (error) {
        fail(error, controller);
      }
    },
    cancel(reason) {
      options.abort(reason);
      finish();
    },
  });
}
