import { crc32 } from 'node:zlib';

import { KiroUpstreamError } from '../errors/kiro-errors';

/** Kiro's frames are small; 16 MiB is the cap other decoders use. */
export const defaultMaxFrameBytes = 16 * 1024 * 1024;
const preludeBytes = 12;
const minimumFrameBytes = 16;

function corrupt(detail: string): KiroUpstreamError {
  return new KiroUpstreamError({
    reason: 'corrupt_stream',
    message: `The upstream event stream is corrupt: ${detail}.`,
  });
}

/**
 * Cuts a byte stream into whole AWS event-stream frames. The prelude is checked (CRC-32 and length
 * bounds) as soon as its 12 bytes are in, so a corrupt length never makes us wait for, or allocate,
 * a huge frame. The message CRC is verified by the codec that decodes each frame.
 */
export class EventStreamFramer {
  readonly #maxFrameBytes: number;
  #chunks: Uint8Array[] = [];
  #buffered = 0;
  #frameLength = 0;

  constructor(maxFrameBytes: number = defaultMaxFrameBytes) {
    this.#maxFrameBytes = maxFrameBytes;
  }

  /** Adds bytes and returns every frame they complete. Throws a typed error on a bad prelude. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.byteLength > 0) {
      this.#chunks.push(chunk);
      this.#buffered += chunk.byteLength;
    }
    const frames: Uint8Array[] = [];
    for (;;) {
      if (this.#frameLength === 0) {
        if (this.#buffered < preludeBytes) break;
        this.#frameLength = this.#readPrelude();
      }
      if (this.#buffered < this.#frameLength) break;
      frames.push(this.#take(this.#frameLength));
      this.#frameLength = 0;
    }
    return frames;
  }

  /** Call at end of input: throws if a frame was cut off. */
  end(): void {
    if (this.#buffered > 0) {
      throw corrupt(`the stream ended inside a frame (${this.#buffered} bytes left over)`);
    }
  }

  #readPrelude(): number {
    const prelude = this.#peek(preludeBytes);
    const view = new DataView(prelude.buffer, prelude.byteOffset, prelude.byteLength);
    const totalLength = view.getUint32(0, false);
    const headersLength = view.getUint32(4, false);
    if (crc32(prelude.subarray(0, 8)) !== view.getUint32(8, false)) {
      throw corrupt('prelude checksum mismatch');
    }
    if (totalLength < minimumFrameBytes || totalLength > this.#maxFrameBytes) {
      throw corrupt(`frame length ${totalLength} is outside 16..${this.#maxFrameBytes} bytes`);
    }
    if (headersLength > totalLength - minimumFrameBytes) {
      throw corrupt(`headers length ${headersLength} exceeds the frame`);
    }
    return totalLength;
  }

  /** Copies the first `length` buffered bytes without consuming them. */
  #peek(length: number): Uint8Array {
    const first = this.#chunks[0];
    if (first !== undefined && first.byteLength >= length) return first.subarray(0, length);
    const out = new Uint8Array(length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      const part = chunk.subarray(0, length - offset);
      out.set(part, offset);
      offset += part.byteLength;
      if (offset === length) break;
    }
    return out;
  }

  /** Removes and returns the first `length` buffered bytes as one contiguous array. */
  #take(length: number): Uint8Array {
    const out = this.#peek(length).slice();
    let remaining = length;
    while (remaining > 0) {
      const chunk = this.#chunks[0];
      if (chunk === undefined) break;
      if (chunk.byteLength <= remaining) {
        this.#chunks.shift();
        remaining -= chunk.byteLength;
      } else {
        this.#chunks[0] = chunk.subarray(remaining);
        remaining = 0;
      }
    }
    this.#buffered -= length;
    return out;
  }
}
