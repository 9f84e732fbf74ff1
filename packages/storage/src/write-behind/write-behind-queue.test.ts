import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { PendingWrites, QueuedRequestLog } from './pending-writes';
import { WriteBehindQueue, type WriteBehindQueueOptions } from './write-behind-queue';

function logRow(requestId: string): QueuedRequestLog {
  return {
    createdAt: 0,
    requestId,
    route: '/v1/messages',
    stream: false,
    status: 200,
    latencyMs: 1,
  };
}

/** A queue whose batches land in `written`; `failNext` makes the next write reject. */
function recordingQueue(options: Partial<WriteBehindQueueOptions> = {}) {
  const written: PendingWrites[] = [];
  const errors: unknown[] = [];
  let failNext = 0;
  const queue = new WriteBehindQueue({
    flushIntervalMs: 1000,
    maxBatchSize: 3,
    maxPending: 10,
    writeBatch: (batch) => {
      if (failNext > 0) {
        failNext -= 1;
        return Promise.reject(new Error('disk full'));
      }
      written.push(structuredClone(batch));
      return Promise.resolve();
    },
    onError: (error) => errors.push(error),
    ...options,
  });
  return { queue, written, errors, failWrites: (count: number) => (failNext = count) };
}

const writtenIds = (written: PendingWrites[]) =>
  written.flatMap((batch) => batch.requestLogs.map((row) => row.requestId));

describe('WriteBehindQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes nothing on the request path and flushes on the interval', async () => {
    const { queue, written } = recordingQueue();
    queue.start();
    queue.appendRequestLog(logRow('a'));
    expect(written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writtenIds(written)).toEqual(['a']);
  });

  it('flushes as soon as a batch is full, without waiting for the interval', async () => {
    const { queue, written } = recordingQueue();
    queue.start();
    for (const id of ['a', 'b', 'c']) queue.appendRequestLog(logRow(id));
    await vi.advanceTimersByTimeAsync(0);
    expect(writtenIds(written)).toEqual(['a', 'b', 'c']);
  });

  it('coalesces counters per key and day, and per account', async () => {
    const { queue, written } = recordingQueue();
    const usage = { apiKeyId: 'k', inputTokens: 10, outputTokens: 1, requests: 1 };
    queue.addApiKeyUsage({ ...usage, day: '2026-01-15', lastUsedAt: 5 });
    queue.addApiKeyUsage({ ...usage, day: '2026-01-15', lastUsedAt: 9 });
    queue.addApiKeyUsage({ ...usage, day: '2026-01-16', lastUsedAt: 7 });
    queue.addAccountUse({ accountId: 'x', uses: 1, lastUsedAt: 3 });
    queue.addAccountUse({ accountId: 'x', uses: 2, lastUsedAt: 2 });
    expect(queue.pendingApiKeyUsage('k')).toHaveLength(2);
    expect(queue.pendingAccountUse('x')).toEqual({ accountId: 'x', uses: 3, lastUsedAt: 3 });
    await queue.flush();
    expect(written).toHaveLength(1);
    expect(written[0]?.apiKeyUsage).toEqual([
      { ...usage, requests: 2, inputTokens: 20, outputTokens: 2, day: '2026-01-15', lastUsedAt: 9 },
      { ...usage, day: '2026-01-16', lastUsedAt: 7 },
    ]);
    expect(written[0]?.accountUses).toEqual([{ accountId: 'x', uses: 3, lastUsedAt: 3 }]);
    expect(queue.pendingAccountUse('x')).toBeUndefined();
  });

  it('keeps a failed batch, in order, in front of newer writes and retries it', async () => {
    const { queue, written, errors, failWrites } = recordingQueue({ maxBatchSize: 100 });
    queue.start();
    queue.appendRequestLog(logRow('a'));
    queue.addAccountUse({ accountId: 'x', uses: 1, lastUsedAt: 1 });
    failWrites(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toHaveLength(0);
    expect(errors).toHaveLength(1);
    queue.appendRequestLog(logRow('b'));
    queue.addAccountUse({ accountId: 'x', uses: 1, lastUsedAt: 2 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(writtenIds(written)).toEqual(['a', 'b']);
    expect(written[0]?.accountUses).toEqual([{ accountId: 'x', uses: 2, lastUsedAt: 2 }]);
  });

  it('rejects flush() when the write fails, and keeps the rows for the next one', async () => {
    const { queue, written, failWrites } = recordingQueue({ maxBatchSize: 100 });
    queue.appendRequestLog(logRow('a'));
    failWrites(1);
    await expect(queue.flush()).rejects.toThrow('disk full');
    await queue.flush();
    expect(writtenIds(written)).toEqual(['a']);
  });

  it('counts usage being written as still pending until the write resolves', async () => {
    let release: () => void = () => undefined;
    const queue = new WriteBehindQueue({
      flushIntervalMs: 1000,
      maxBatchSize: 100,
      maxPending: 100,
      writeBatch: () => new Promise<void>((resolve) => (release = resolve)),
      onError: () => undefined,
    });
    queue.addAccountUse({ accountId: 'x', uses: 1, lastUsedAt: 1 });
    const flushing = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.pendingAccountUse('x')?.uses).toBe(1);
    release();
    await flushing;
    expect(queue.pendingAccountUse('x')).toBeUndefined();
  });

  it('drains on close and then refuses writes with a clear error', async () => {
    const { queue, written } = recordingQueue({ maxBatchSize: 100 });
    queue.start();
    queue.appendRequestLog(logRow('a'));
    await queue.close();
    expect(writtenIds(written)).toEqual(['a']);
    expect(() => queue.appendRequestLog(logRow('b'))).toThrow(/closed/);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('bounds memory while writes fail: drops the oldest rows and says so', async () => {
    const { queue, errors, failWrites, written } = recordingQueue({
      maxBatchSize: 100,
      maxPending: 3,
    });
    failWrites(1);
    queue.appendRequestLog(logRow('a'));
    await expect(queue.flush()).rejects.toThrow();
    for (const id of ['b', 'c', 'd']) queue.appendRequestLog(logRow(id));
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/dropped 1 request-log rows/);
    await queue.flush();
    expect(writtenIds(written)).toEqual(['b', 'c', 'd']);
  });
});
