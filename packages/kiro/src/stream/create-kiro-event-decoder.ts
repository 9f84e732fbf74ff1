import { EventStreamCodec } from '@smithy/core/event-streams';

import { KiroUpstreamError } from '../errors/kiro-errors';
import { isKiroError } from '../errors/kiro-error';
import { defaultMaxFrameBytes, EventStreamFramer } from './event-stream-framer';
import type { KiroEvent } from './kiro-event';
import { parseKiroEvent, type RawFrame } from './parse-kiro-event';

export interface KiroEventDecoderOptions {
  /** Frames larger than this are a corrupt stream. Default 16 MiB. */
  maxFrameBytes?: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const codec = new EventStreamCodec(
  (bytes: Uint8Array) => strictUtf8.decode(bytes),
  (text: string) => new TextEncoder().encode(text),
);

function decodeFrame(bytes: Uint8Array): RawFrame {
  try {
    const message = codec.decode(bytes);
    const headers: Record<string, string> = {};
    for (const [name, header] of Object.entries(message.headers)) {
      if (header.type === 'string') headers[name] = header.value;
    }
    return { headers, payload: message.body };
  } catch (error) {
    throw new KiroUpstreamError({
      reason: 'corrupt_stream',
      message: 'The upstream event stream is corrupt: a frame failed its checks.',
      cause: error,
    });
  }
}

/** Verifies and decodes one whole frame into a {@link KiroEvent}. */
export function decodeKiroFrame(bytes: Uint8Array): KiroEvent {
  return parseKiroEvent(decodeFrame(bytes));
}

function asTypedError(error: unknown): unknown {
  if (isKiroError(error)) return error;
  return new KiroUpstreamError({
    reason: 'corrupt_stream',
    message: 'The upstream event stream could not be decoded.',
    cause: error,
  });
}

/**
 * Decodes Kiro's AWS event stream (`application/vnd.amazon.eventstream`) into {@link KiroEvent}s.
 * Both CRCs are verified; any corruption errors the stream with a `corrupt_stream` KiroError.
 */
export function createKiroEventDecoder(
  options: KiroEventDecoderOptions = {},
): TransformStream<Uint8Array, KiroEvent> {
  const framer = new EventStreamFramer(options.maxFrameBytes ?? defaultMaxFrameBytes);
  return new TransformStream<Uint8Array, KiroEvent>({
    transform(chunk, controller) {
      try {
        for (const frame of framer.push(chunk))
          controller.enqueue(parseKiroEvent(decodeFrame(frame)));
      } catch (error) {
        controller.error(asTypedError(error));
      }
    },
    flush(controller) {
      try {
        framer.end();
      } catch (error) {
        controller.error(asTypedError(error));
      }
    },
  });
}
