import { EventStreamCodec, getChunkedStream } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';

/** A decoded frame: its string headers and its JSON payload. */
export interface DecodedFrame {
  messageType: string;
  eventType: string | undefined;
  exceptionType: string | undefined;
  contentType: string | undefined;
  payload: Record<string, unknown>;
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function header(headers: Record<string, { type: string; value: unknown }>, name: string) {
  const value = headers[name]?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Decodes frames from raw chunks with the smithy codec, which verifies both CRCs of every frame. */
export async function decodeFrames(chunks: AsyncIterable<Uint8Array>): Promise<DecodedFrame[]> {
  const frames: DecodedFrame[] = [];
  for await (const message of getChunkedStream(chunks)) {
    const { headers, body } = codec.decode(message);
    frames.push({
      messageType: header(headers, ':message-type') ?? '',
      eventType: header(headers, ':event-type'),
      exceptionType: header(headers, ':exception-type'),
      contentType: header(headers, ':content-type'),
      payload: JSON.parse(toUtf8(body)) as Record<string, unknown>,
    });
  }
  return frames;
}

/** Decodes a whole `fetch` response body. */
export async function decodeResponse(response: Response): Promise<DecodedFrame[]> {
  if (response.body === null) return [];
  return decodeFrames(response.body);
}

/** The text of the answer: the concatenated `assistantResponseEvent` contents. */
export function textOf(frames: readonly DecodedFrame[]): string {
  return frames
    .filter((frame) => frame.eventType === 'assistantResponseEvent')
    .map((frame) => String(frame.payload['content']))
    .join('');
}
