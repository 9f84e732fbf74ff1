import { performance } from 'node:perf_hooks';

import { request, type Dispatcher } from 'undici';

import type { RequestSample } from './run-recorder';
import type { PreparedRequest } from './targets';

/**
 * Sends one request and times it: headers, each content event (first one = TTFT, then the gaps
 * between them, fed to `onGap` as they happen), the end of the body. Never throws: a failure is a
 * sample with `error` set.
 */
export async function sendRequest(options: {
  dispatcher: Dispatcher;
  prepared: PreparedRequest;
  /** The text the answer must carry to count as complete; undefined accepts any. */
  expectedText?: string;
  onGap?: (milliseconds: number) => void;
  /**
   * When the request was due (`performance.now()` time); an open-loop client passes its schedule so
   * that time spent waiting to send counts too (no coordinated omission). Default: now.
   */
  startedAt?: number;
}): Promise<RequestSample> {
  const { prepared } = options;
  const start = options.startedAt ?? performance.now();
  let headersMs = Number.NaN;
  let firstAt: number | undefined;
  let lastAt = 0;
  let maxGapMs = 0;
  let contentEvents = 0;
  let text = '';
  let status = 0;
  let requestId: string | undefined;
  const sink = {
    content(piece: string): void {
      const now = performance.now();
      if (firstAt === undefined) firstAt = now;
      else {
        const gap = now - lastAt;
        if (gap > maxGapMs) maxGapMs = gap;
        options.onGap?.(gap);
      }
      lastAt = now;
      contentEvents += 1;
      text += piece;
    },
  };
  const finish = (error: string | undefined, terminal: boolean): RequestSample => {
    const end = performance.now();
    const textMatches = options.expectedText === undefined || text === options.expectedText;
    return {
      status,
      complete: error === undefined && status === 200 && terminal && textMatches,
      headersMs,
      ttftMs: firstAt === undefined ? undefined : firstAt - start,
      totalMs: end - start,
      contentEvents,
      contentChars: text.length,
      maxGapMs,
      requestId,
      error,
    };
  };
  try {
    const response = await request(prepared.url, {
      dispatcher: options.dispatcher,
      method: 'POST',
      headers: prepared.headers,
      body: prepared.body,
    });
    headersMs = performance.now() - start;
    status = response.statusCode;
    const id = response.headers['request-id'];
    requestId = typeof id === 'string' ? id : undefined;
    if (status !== 200) {
      const body = await response.body.text();
      return finish(`HTTP ${status}: ${body.slice(0, 200)}`, false);
    }
    const outcome = await prepared.read(response.body, sink);
    return finish(outcome.error, outcome.terminal);
  } catch (error) {
    return finish(error instanceof Error ? error.message : String(error), false);
  }
}
