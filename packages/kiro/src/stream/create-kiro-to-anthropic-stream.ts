import type { AnthropicStreamEvent } from '@octoproxy/converters';

import { isKiroError } from '../errors/kiro-error';
import { KiroUpstreamError } from '../errors/kiro-errors';
import {
  KiroAnthropicConverter,
  type KiroAnthropicConverterOptions,
} from './kiro-anthropic-converter';
import type { KiroEvent } from './kiro-event';
import type { KiroStreamSummary } from './kiro-stream-summary';

export interface KiroToAnthropicStream {
  stream: TransformStream<KiroEvent, AnthropicStreamEvent>;
  /** Resolves when the input ends or the stream fails; never rejects. */
  summary: Promise<KiroStreamSummary>;
}

/** Wraps anything thrown into the Kiro hierarchy, so summaries and streams carry typed errors. */
export function asKiroError(error: unknown): NonNullable<KiroStreamSummary['error']> {
  if (isKiroError(error)) return error;
  return new KiroUpstreamError({
    reason: 'upstream_5xx',
    message: 'The upstream response could not be processed.',
    cause: error,
  });
}

/**
 * A `TransformStream` from Kiro events to Anthropic stream events. A failure before the first
 * output event errors the stream (nothing was committed: safe to retry elsewhere); after it, the
 * stream ends with an in-band `error` event.
 */
export function createKiroToAnthropicStream(
  options: KiroAnthropicConverterOptions,
): KiroToAnthropicStream {
  const converter = new KiroAnthropicConverter(options);
  let resolveSummary!: (summary: KiroStreamSummary) => void;
  const summary = new Promise<KiroStreamSummary>((resolve) => {
    resolveSummary = resolve;
  });

  function failWith(
    error: unknown,
    controller: TransformStreamDefaultController<AnthropicStreamEvent>,
  ): void {
    const typed = asKiroError(error);
    converter.summary.error = typed;
    if (converter.started) {
      for (const event of converter.fail(typed)) controller.enqueue(event);
      controller.terminate();
    } else {
      controller.error(typed);
    }
    resolveSummary(converter.summary);
  }

  const stream = new TransformStream<KiroEvent, AnthropicStreamEvent>({
    transform(event, controller) {
      try {
        for (const output of converter.push(event)) controller.enqueue(output);
      } catch (error) {
        failWith(error, controller);
      }
    },
    flush(controller) {
      try {
        for (const output of converter.finish()) controller.enqueue(output);
        resolveSummary(converter.summary);
      } catch (error) {
        failWith(error, controller);
      }
    },
  });
  return { stream, summary };
}
