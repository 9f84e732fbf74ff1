import { performance } from 'node:perf_hooks';

import type { Dispatcher } from 'undici';

import type { RequestSample } from './run-recorder';
import { RunRecorder } from './run-recorder';
import { sendRequest } from './send-request';
import type { PreparedRequest } from './targets';

export interface Exchange {
  prepared: PreparedRequest;
  expectedText?: string;
}

/**
 * `concurrency` workers, each sending its next request as soon as its previous one ended, until
 * `requests` were sent. Closed-loop: fine for c = 1 latency and for holding N streams open; not a
 * tail-latency measurement under a fixed arrival rate.
 */
export async function runClosedLoop(options: {
  dispatcher: Dispatcher;
  concurrency: number;
  requests: number;
  /** Builds request number i (bodies may differ per request). */
  exchange: (index: number) => Exchange;
  recorder?: RunRecorder;
  onSample?: (sample: RequestSample) => void;
}): Promise<{ recorder: RunRecorder; wallSeconds: number }> {
  const recorder = options.recorder ?? new RunRecorder();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.requests) {
      const index = next;
      next += 1;
      const { prepared, expectedText } = options.exchange(index);
      const sample = await sendRequest({
        dispatcher: options.dispatcher,
        prepared,
        ...(expectedText === undefined ? {} : { expectedText }),
        onGap: (gap) => recorder.gap.recordMs(gap),
      });
      recorder.record(sample);
      options.onSample?.(sample);
    }
  };
  const started = performance.now();
  const workers = Math.min(options.concurrency, options.requests);
  await Promise.all(Array.from({ length: workers }, worker));
  return { recorder, wallSeconds: (performance.now() - started) / 1000 };
}
