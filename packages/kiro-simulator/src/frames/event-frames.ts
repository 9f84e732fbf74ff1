import { EventStreamCodec, type MessageHeaders } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';

/** The smithy codec writes the prelude and message CRC-32s; it keeps no state between `encode` calls. */
const codec = new EventStreamCodec(toUtf8, fromUtf8);

function stringHeader(value: string): MessageHeaders[string] {
  return { type: 'string', value };
}

/** One `:message-type: event` frame with a JSON payload, headers in the order AWS services write them. */
export function encodeEventFrame(eventType: string, payload: object): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': stringHeader(eventType),
      ':content-type': stringHeader('application/json'),
      ':message-type': stringHeader('event'),
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/** One `:message-type: exception` frame, e.g. `ThrottlingException` with `{"message": …}`. */
export function encodeExceptionFrame(exceptionType: string, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': stringHeader(exceptionType),
      ':content-type': stringHeader('application/json'),
      ':message-type': stringHeader('exception'),
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

export type CrcTarget = 'prelude' | 'message';

/** A copy of `frame` with one bit of its prelude or message CRC flipped, so a decoder must reject it. */
export function corruptFrameCrc(frame: Uint8Array, target: CrcTarget): Uint8Array {
  const copy = frame.slice();
  const index = target === 'prelude' ? 11 : copy.length - 1;
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}
