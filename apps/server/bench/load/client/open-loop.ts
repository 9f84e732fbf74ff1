import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Dispatcher } from 'undici';

import type { Exchange } from './closed-loop';
import { RunRecorder } from './run-recorder';
import { sendRequest } from './send-request';

export interface OpenLoopResult {
  offeredRate: number;
  sent: number;
  wallSeconds: number;
  /** Requests completed per second of wall time, draining included. */
  achievedRate: number;
  /** Sending stopped early: more than two seconds' worth of requests were in flight. */
  saturated: boolean;
  recorder: RunRecorder;
}

/**
 * Sends requests at a fixed arrival rate whatever the answers do (open loop): request i is due at
 * start + i / rate and its latency counts from then, so a slow server cannot hide its queue by
 * slowing the client down (coordinated omission). Stops sending when two seconds' worth of
 * requests are in flight, and then waits for them.
 */
export async function runOpenLoop(options: {
  dispatcher: Dispatcher;
  ratePerSecond: number;
  durationSeconds: number;
  exchange: (index: number) => Exchange;
}): Promise<OpenLoopResult> {
  const recorder = new RunRecorder();
  const intervalMs = 1000 / options.ratePerSecond;
  const total = Math.max(1, Math.round(options.ratePerSecond * options.durationSeconds));
  const maxInFlight = Math.max(16, Math.ceil(options.ratePerSecond * 2));
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let saturated = false;
  let index = 0;
  while (index < total && !saturated) {
    const now = performance.now();
    while (index < total && started + index * intervalMs <= now) {
      if (inFlight.size >= maxInFlight) {
        saturated = true;
        break;
      }
      const { prepared, expectedText } = options.exchange(index);
      const request: Promise<void> = sendRequest({
        dispatcher: options.dispatcher,
        prepared,
        ...(expectedText === undefined ? {} : { expectedText }),
        startedAt: started + index * intervalMs,
      }).then((sample) => {
        recorder.record(sample);
        inFlight.delete(request);
      });
      inFlight.add(request);
      index += 1;
    }
    // Timers fire no sooner than 1 ms: every due request goes out on the next pass.
    await sleep(Math.max(0, started + index * intervalMs - performance.now()));
  }
  await Promise.all(inFlight);
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    offeredRate: options.ratePerSecond,
    sent: index,
    wallSeconds,
    achievedRate: recorder.requests / wallSeconds,
    saturated,
    recorder,
  };
}
