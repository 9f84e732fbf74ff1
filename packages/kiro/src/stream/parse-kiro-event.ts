import { z } from 'zod';

import { KiroUpstreamError } from '../errors/kiro-errors';
import type { KiroEvent } from './kiro-event';

/** A decoded frame: its headers as plain strings, its payload bytes. */
export interface RawFrame {
  headers: Readonly<Record<string, string | undefined>>;
  payload: Uint8Array;
}

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const optionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? undefined);

const assistantResponseSchema = z.looseObject({ content: z.string() });
const codeSchema = z.looseObject({ content: z.string() });
const toolUseSchema = z.looseObject({
  toolUseId: z.string().min(1),
  name: z.string().min(1),
  // The model says string; tolerate an object by re-serialising it.
  input: z
    .union([z.string(), z.record(z.string(), z.unknown())])
    .nullish()
    .transform((value) =>
      value === null || value === undefined
        ? undefined
        : typeof value === 'string'
          ? value
          : JSON.stringify(value),
    ),
  stop: z.boolean().nullish(),
});
const reasoningSchema = z.looseObject({
  text: optionalString,
  signature: optionalString,
  redactedContent: optionalString,
});
const meteringSchema = z.looseObject({ usage: z.number(), unit: optionalString });
const contextUsageSchema = z.looseObject({ contextUsagePercentage: z.number() });
const tokenUsageSchema = z.looseObject({
  uncachedInputTokens: optionalNumber,
  outputTokens: optionalNumber,
  totalTokens: optionalNumber,
  cacheReadInputTokens: optionalNumber,
  cacheWriteInputTokens: optionalNumber,
});
const metadataSchema = z.looseObject({
  tokenUsage: tokenUsageSchema.nullish(),
  stopReason: optionalString,
});
const messageMetadataSchema = z.looseObject({
  conversationId: optionalString,
  utteranceId: optionalString,
});
const invalidStateSchema = z.looseObject({ reason: optionalString, message: optionalString });
const exceptionSchema = z.looseObject({ message: optionalString, Message: optionalString });

const utf8 = new TextDecoder('utf-8', { fatal: true });

function corrupt(detail: string, cause?: unknown): KiroUpstreamError {
  return new KiroUpstreamError({
    reason: 'corrupt_stream',
    message: `The upstream event stream is corrupt: ${detail}.`,
    cause,
  });
}

function payloadJson(frame: RawFrame, eventType: string): unknown {
  if (frame.payload.byteLength === 0) return {};
  let text: string;
  try {
    text = utf8.decode(frame.payload);
  } catch (error) {
    throw corrupt(`${eventType} payload is not valid UTF-8`, error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw corrupt(`${eventType} payload is not valid JSON`, error);
  }
}

function parse<T>(schema: z.ZodType<T>, frame: RawFrame): T {
  const eventType = frame.headers[':event-type'] ?? 'event';
  const result = schema.safeParse(payloadJson(frame, eventType));
  if (!result.success) throw corrupt(`${eventType} payload has an unexpected shape`);
  return result.data;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function exceptionEvent(frame: RawFrame, exceptionType: string | undefined): KiroEvent {
  let message = frame.headers[':error-message'];
  if (message === undefined) {
    const parsed = exceptionSchema.safeParse(payloadJson(frame, 'exception'));
    if (parsed.success) message = parsed.data.message ?? parsed.data.Message;
  }
  return {
    type: 'exception',
    exceptionType: exceptionType ?? 'UnknownException',
    message: message ?? '',
  };
}

/**
 * Maps one frame to a {@link KiroEvent}. Payloads of the events that carry content are validated;
 * a malformed one is a typed `corrupt_stream` error, never garbage text. Unknown event types are
 * ignored, as the service model requires.
 */
export function parseKiroEvent(frame: RawFrame): KiroEvent {
  const messageType = frame.headers[':message-type'] ?? 'event';
  if (messageType === 'exception') return exceptionEvent(frame, frame.headers[':exception-type']);
  if (messageType === 'error') return exceptionEvent(frame, frame.headers[':error-code']);
  if (messageType !== 'event') throw corrupt(`unknown message type "${messageType}"`);

  const eventType = frame.headers[':event-type'] ?? '';
  switch (eventType) {
    case 'assistantResponseEvent':
      return {
        type: 'assistantResponse',
        content: parse(assistantResponseSchema, frame).content,
      };
    case 'codeEvent':
      return { type: 'assistantResponse', content: parse(codeSchema, frame).content };
    case 'toolUseEvent': {
      const event = parse(toolUseSchema, frame);
      return compact({
        type: 'toolUse',
        toolUseId: event.toolUseId,
        name: event.name,
        input: event.input,
        stop: event.stop === true,
      });
    }
    case 'reasoningContentEvent': {
      const event = parse(reasoningSchema, frame);
      return compact({
        type: 'reasoningContent',
        text: event.text,
        signature: event.signature,
        redactedContent: event.redactedContent,
      });
    }
    case 'meteringEvent': {
      const event = parse(meteringSchema, frame);
      return compact({ type: 'metering', usage: event.usage, unit: event.unit });
    }
    case 'contextUsageEvent':
      return {
        type: 'contextUsage',
        contextUsagePercentage: parse(contextUsageSchema, frame).contextUsagePercentage,
      };
    case 'metadataEvent': {
      const event = parse(metadataSchema, frame);
      return compact({
        type: 'metadata',
        tokenUsage: event.tokenUsage ? compact(event.tokenUsage) : undefined,
        stopReason: event.stopReason,
      });
    }
    case 'messageMetadataEvent': {
      const event = parse(messageMetadataSchema, frame);
      return compact({
        type: 'messageMetadata',
        conversationId: event.conversationId,
        utteranceId: event.utteranceId,
      });
    }
    case 'invalidStateEvent': {
      const event = parse(invalidStateSchema, frame);
      return compact({ type: 'invalidState', reason: event.reason, message: event.message });
    }
    default:
      return { type: 'ignored', eventType };
  }
}
