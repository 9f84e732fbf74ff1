import { EventStreamCodec } from '@smithy/core/event-streams';

/** Encodes Kiro frames for tests, with the same maintained codec the simulator uses. */
const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

function stringHeader(value: string) {
  return { type: 'string' as const, value };
}

export function eventFrame(eventType: string, payload: unknown): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('event'),
      ':event-type': stringHeader(eventType),
      ':content-type': stringHeader('application/json'),
    },
    body: new TextEncoder().encode(JSON.stringify(payload)),
  });
}

export function exceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':message-type': stringHeader('exception'),
      ':exception-type': stringHeader(exceptionType),
      ':content-type': stringHeader('application/json'),
    },
    body: new TextEncoder().encode(JSON.stringify({ message })),
  });
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Splits `bytes` at the given cut points (sorted, deduplicated, within range). */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((cut) => cut > 0 && cut < bytes.byteLength))].sort(
    (a, b) => a - b,
  );
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    parts.push(bytes.slice(start, point));
    start = point;
  }
  parts.push(bytes.slice(start));
  return parts;
}

export function streamOf<T>(items: readonly T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

export async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

/** A typical answer: thinking-free text with multi-byte characters, a tool call, metering, usage. */
export function recordedAnswerFrames(): Uint8Array[] {
  return [
    eventFrame('messageMetadataEvent', { conversationId: 'c-1', utteranceId: 'u-1' }),
    eventFrame('assistantResponseEvent', { content: 'Héllo, 世界 ' }),
    eventFrame('assistantResponseEvent', { content: '👋🏽 emoji and ✓ marks.' }),
    eventFrame('toolUseEvent', { toolUseId: 'tooluse_1', name: 'Bash' }),
    eventFrame('toolUseEvent', { toolUseId: 'tooluse_1', name: 'Bash', input: '{"command":' }),
    eventFrame('toolUseEvent', { toolUseId: 'tooluse_1', name: 'Bash', input: '"ls ü"}' }),
    eventFrame('toolUseEvent', { toolUseId: 'tooluse_1', name: 'Bash', stop: true }),
    eventFrame('meteringEvent', { unit: 'credit', unitPlural: 'credits', usage: 0.0169 }),
    eventFrame('contextUsageEvent', { contextUsagePercentage: 5.2 }),
  ];
}
