import { describe, expect, it } from 'vitest';

import { account, createHarness, deferred, serveOne } from '../../test/pool-harness';
import { NoEligibleAccountError } from '../errors/no-eligible-account-error';
import type { Lease } from '../failover/lease';

describe('concurrency caps', () => {
  it('sends a request past a full account to the next one', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { maxConcurrency: 2 }), account('a2')],
      settings: { strategy: 'oldest_first' },
    });
    const leases: Lease[] = [];
    for (let index = 0; index < 3; index += 1) {
      const result = await harness.pool.run({
        attempt: ({ account: chosen }) => Promise.resolve(chosen.id),
      });
      leases.push(result.lease);
    }
    expect(leases.map((lease) => lease.accountId)).toEqual(['a1', 'a1', 'a2']);
    expect(harness.pool.stats().inFlight).toBe(3);
  });

  it('queues a request until a slot frees up, then serves it', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { maxConcurrency: 1 })],
      settings: { concurrency: { queueTimeoutMs: 5_000 } },
    });
    const first = await harness.pool.run({ attempt: () => Promise.resolve('first') });
    const second = harness.pool.run({ attempt: () => Promise.resolve('second') });
    await harness.clock.advance(1_000);
    expect(harness.pool.stats().queued).toBe(1);
    first.lease.succeed();
    const result = await second;
    expect(result.value).toBe('second');
    expect(harness.pool.stats().queued).toBe(0);
  });

  it('gives up after the queue timeout with "all at capacity"', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { maxConcurrency: 1 })],
      settings: { concurrency: { queueTimeoutMs: 2_000 } },
    });
    const first = await harness.pool.run({ attempt: () => Promise.resolve('first') });
    const second = harness.pool
      .run({ attempt: () => Promise.resolve('second') })
      .catch((error: unknown) => error);
    await harness.clock.advance(2_000);
    const error = await second;
    expect(error).toBeInstanceOf(NoEligibleAccountError);
    expect(error).toMatchObject({ reason: 'all_at_capacity', retryAfterSeconds: 1 });
    first.lease.succeed();
  });

  it('refuses at once when the queue is full', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { maxConcurrency: 1 })],
      settings: { concurrency: { maxQueued: 0 } },
    });
    await harness.pool.run({ attempt: () => Promise.resolve('first') });
    await expect(harness.pool.run({ attempt: () => Promise.resolve('x') })).rejects.toMatchObject({
      reason: 'all_at_capacity',
    });
  });
});

describe('pacing', () => {
  it('allows a burst, then one request per interval', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { requestsPerMinute: 60 })],
      settings: { pacing: { burst: 2, jitter: 0 }, concurrency: { queueTimeoutMs: 0 } },
    });
    await serveOne(harness.pool);
    await serveOne(harness.pool);
    await expect(serveOne(harness.pool)).rejects.toMatchObject({
      reason: 'all_at_capacity',
      retryAfterSeconds: 1,
    });
    await harness.clock.advance(999);
    await expect(serveOne(harness.pool)).rejects.toBeInstanceOf(NoEligibleAccountError);
    await harness.clock.advance(1);
    expect(await serveOne(harness.pool)).toBe('a1');
  });

  it('spaces requests by the interval ±jitter, averaging the configured rate', async () => {
    const harness = await createHarness({
      accounts: [account('a1')],
      settings: {
        pacing: { requestsPerMinute: 30, burst: 1, jitter: 0.3 },
        concurrency: { queueTimeoutMs: 10_000 },
      },
    });
    const starts: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      const run = harness.pool.run({
        attempt: () => {
          starts.push(harness.clock.now());
          return Promise.resolve('ok');
        },
      });
      (await harness.clock.settle(run)).lease.succeed();
    }
    const gaps = starts.slice(1).map((start, index) => start - (starts[index] ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(1_400);
      expect(gap).toBeLessThanOrEqual(2_600);
    }
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    expect(Math.abs(mean - 2_000)).toBeLessThan(100);
    expect(new Set(gaps).size).toBeGreaterThan(100);
  });

  it('waits for the pacing budget of a lone account within the queue timeout', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { requestsPerMinute: 60 })],
      settings: { pacing: { burst: 1, jitter: 0 } },
    });
    await serveOne(harness.pool);
    const paced = serveOne(harness.pool);
    await harness.clock.advance(1_000);
    expect(await paced).toBe('a1');
  });
});

describe('model eligibility and "no eligible account" reasons', () => {
  it('routes a model only to accounts allowed and entitled to it', async () => {
    const harness = await createHarness({
      accounts: [
        account('a1', { allowedModels: ['claude-haiku-4.5'] }),
        account('a2'),
        account('a3'),
      ],
    });
    harness.pool.recordUsage('a2', {
      used: 0,
      limit: 50,
      resetAt: null,
      plan: 'KIRO FREE',
      entitledModels: ['claude-haiku-4.5', 'claude-sonnet-4.5'],
    });
    const picks = new Set<string>();
    for (let index = 0; index < 6; index += 1) {
      picks.add(await serveOne(harness.pool, { model: 'claude-opus-4.5' }));
    }
    expect(picks).toEqual(new Set(['a3']));
  });

  it('says no account may serve the model when none is entitled', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { allowedModels: ['claude-haiku-4.5'] })],
    });
    await expect(serveOne(harness.pool, { model: 'claude-opus-4.5' })).rejects.toMatchObject({
      reason: 'model_unavailable',
      message: expect.stringContaining('model claude-opus-4.5') as unknown,
    });
  });

  it('says so when no account is configured or all are disabled', async () => {
    const empty = await createHarness({ accounts: [] });
    await expect(serveOne(empty.pool)).rejects.toMatchObject({
      reason: 'none_configured',
      kind: 'overloaded',
      message: 'No upstream accounts are configured.',
    });
    const disabled = await createHarness({ accounts: [account('a1', { enabled: false })] });
    await expect(serveOne(disabled.pool)).rejects.toMatchObject({ reason: 'all_disabled' });
  });

  it('lists the obstacles when they are mixed, with the soonest time', async () => {
    const harness = await createHarness({ accounts: [account('a1'), account('a2')] });
    const ok = deferred<void>();
    ok.resolve();
    harness.pool.recordUsage('a1', {
      used: 100,
      limit: 100,
      resetAt: harness.clock.now() + 86_400_000,
      plan: null,
      entitledModels: null,
    });
    const run = await harness.pool
      .run({
        attempt: () => Promise.reject(Object.assign(new Error('banned'), { reason: 'suspended' })),
      })
      .catch((error: unknown) => error);
    expect(run).toMatchObject({ reason: 'all_unavailable' });
    expect((run as Error).message).toMatch(/1 out of quota, 1 quarantined/);
  });
});
