import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { describe, expect, it } from 'vitest';

import { corruptFrameCrc, encodeEventFrame, encodeExceptionFrame } from './event-frames';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

describe('event frames', () => {
  it('encode an event with the three headers and a JSON payload', () => {
    const frame = encodeEventFrame('assistantResponseEvent', { content: 'héllo' });
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    expect(view.getUint32(0)).toBe(frame.byteLength);
    const { headers, body } = codec.decode(frame);
    expect(Object.keys(headers)).toEqual([':event-type', ':content-type', ':message-type']);
    expect(headers[':event-type']).toEqual({ type: 'string', value: 'assistantResponseEvent' });
    expect(headers[':message-type']?.value).toBe('event');
    expect(JSON.parse(toUtf8(body))).toEqual({ content: 'héllo' });
  });

  it('encode an exception frame', () => {
    const { headers, body } = codec.decode(encodeExceptionFrame('ThrottlingException', 'slow'));
    expect(headers[':message-type']?.value).toBe('exception');
    expect(headers[':exception-type']?.value).toBe('ThrottlingException');
    expect(JSON.parse(toUtf8(body))).toEqual({ message: 'slow' });
  });

  it('corrupt either CRC so that a decoder refuses the frame', () => {
    const frame = encodeEventFrame('x', {});
    expect(() => codec.decode(corruptFrameCrc(frame, 'message'))).toThrow(/message checksum/);
    expect(() => codec.decode(corruptFrameCrc(frame, 'prelude'))).toThrow(/prelude checksum/);
    expect(codec.decode(frame).headers[':event-type']?.value).toBe('x');
  });
});
