import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import type { StreamFault } from '../faults/fault-types';
import { corruptFrameCrc, encodeEventFrame, encodeExceptionFrame } from '../frames/event-frames';
import { streamExceptionMessage } from '../http/aws-errors';
import type { Exchange } from '../http/exchange';
import { finish, resetConnection, writeHead } from '../http/responses';
import type { OutputEvent } from '../script/scripted-model';

export interface StreamPlan {
  events: readonly OutputEvent[];
  firstTokenDelayMs: number;
  /** Pace after the first frame; `Infinity` sends as fast as the socket takes it. */
  tokensPerSecond: number;
  /** Write each frame in slices of this many bytes (splits frames and characters across reads). */
  sliceBytes: number | undefined;
  fault: StreamFault | undefined;
}

/** Rough tokens a frame carries, for pacing: a quarter of its text, at least one. */
function tokensOf({ payload }: OutputEvent): number {
  const text = [payload['content'], payload['text'], payload['input']]
    .filter((value): value is string => typeof value === 'string')
    .join('');
  return Math.max(1, Math.ceil(text.length / 4));
}

async function write(exchange: Exchange, bytes: Uint8Array, sliceBytes?: number): Promise<void> {
  const { res } = exchange;
  const step = sliceBytes ?? bytes.length;
  for (let offset = 0; offset < bytes.length; offset += step) {
    if (exchange.closed.aborted) return;
    if (!res.write(bytes.subarray(offset, offset + step))) {
      await once(res, 'drain', { signal: exchange.closed });
    }
    // Separate slices leave in separate socket writes.
    if (sliceBytes !== undefined) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Sends the events as an `application/vnd.amazon.eventstream` body, at the planned pace, applying a
 * stream fault once `afterFrames` frames are out. Stops quietly when the client goes away.
 */
export async function streamEvents(exchange: Exchange, plan: StreamPlan): Promise<void> {
  writeHead(exchange, 200, { 'content-type': 'application/vnd.amazon.eventstream' });
  exchange.res.flushHeaders();
  const { fault } = plan;
  const lastIndex = fault?.type === 'corrupt-crc' ? plan.events.length - 1 : plan.events.length;
  const faultAt = Math.max(0, Math.min(fault?.afterFrames ?? 1, lastIndex));
  const signal = exchange.closed;
  try {
    for (let index = 0; index <= plan.events.length; index += 1) {
      if (fault !== undefined && index === faultAt) {
        exchange.log.fault = fault.type;
        switch (fault.type) {
          case 'cut-stream':
            resetConnection(exchange);
            return;
          case 'stall':
            await sleep(fault.durationMs, undefined, { signal });
            break;
          case 'exception': {
            const message = fault.message ?? streamExceptionMessage(fault.exceptionType);
            await write(exchange, encodeExceptionFrame(fault.exceptionType, message));
            exchange.log.framesSent += 1;
            finish(exchange);
            return;
          }
          case 'corrupt-crc':
            break;
        }
      }
      const event = plan.events[index];
      if (event === undefined) break;
      const delayMs =
        index === 0 ? plan.firstTokenDelayMs : (tokensOf(event) / plan.tokensPerSecond) * 1000;
      if (delayMs > 0) await sleep(delayMs, undefined, { signal });
      let frame = encodeEventFrame(event.eventType, event.payload);
      if (fault?.type === 'corrupt-crc' && index === faultAt) {
        frame = corruptFrameCrc(frame, fault.target ?? 'message');
      }
      await write(exchange, frame, plan.sliceBytes);
      if (signal.aborted) return;
      exchange.log.framesSent += 1;
      exchange.touch();
    }
    finish(exchange);
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
