import { describe, expect, it } from 'vitest';

import {
  account,
  createHarness,
  eventsOf,
  failOn,
  FakeUpstreamError,
  serveOne,
} from '../../test/pool-harness';

const twoAccounts = () => [account('a1'), account('a2')];

async function failOnce(
  harness: Awaited<ReturnType<typeof createHarness>>,
  error: Error,
  accountId = 'a1',
) {
  const result = await harness.pool.run({ attempt: failOn({ [accountId]: error }) });
  result.lease.succeed();
  return result;
}

describe('cooldowns by failure class', () => {
  it('honours Retry-After on a 429, then clears itself', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    await failOnce(harness, new FakeUpstreamError('throttled', { retryAfterSeconds: 30 }));
    const cooldown = harness.pool.account('a1')?.state.cooldown;
    expect(cooldown).toEqual({
      until: harness.clock.now() + 30_000,
      cause: 'rate_limited',
      reason: 'throttled',
    });
    await harness.clock.advance(29_999);
    expect(harness.pool.account('a1')?.unavailable?.reason).toBe('cooling_down');
    await harness.clock.advance(1);
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
    harness.pool.runUpkeep();
    expect(harness.pool.account('a1')?.state.cooldown).toBeNull();
    expect(
      eventsOf(harness.events, 'account_changed').map((event) => event.detail.change),
    ).toContain('cooldown_ended');
  });

  it('caps an absurd Retry-After so an account is never stuck for days', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    await failOnce(harness, new FakeUpstreamError('throttled', { retryAfterSeconds: 9 * 86_400 }));
    expect(harness.pool.account('a1')?.state.cooldown?.until).toBe(harness.clock.now() + 3_600_000);
  });

  it('backs off exponentially with jitter on 429s without Retry-After, and resets after a success', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    const lengths: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      await failOnce(harness, new FakeUpstreamError('throttled'));
      const until = harness.pool.account('a1')?.state.cooldown?.until ?? 0;
      lengths.push(until - harness.clock.now());
      await harness.clock.advance(until - harness.clock.now());
    }
    // 5 s, 10 s, 20 s, 40 s, each within ±20 %.
    [5_000, 10_000, 20_000, 40_000].forEach((expected, index) => {
      expect(lengths[index]).toBeGreaterThanOrEqual(expected * 0.8);
      expect(lengths[index]).toBeLessThanOrEqual(expected * 1.2);
    });
    expect(await serveOne(harness.pool)).toBe('a1');
    expect(harness.pool.account('a1')?.state.rateLimitStreak).toBe(0);
  });

  it('ejects after maxErrorCount transient failures in a row, longer each time, and recovers', async () => {
    const harness = await createHarness({
      accounts: twoAccounts(),
      settings: { maxErrorCount: 3 },
    });
    const fail5xx = () => failOnce(harness, new FakeUpstreamError('upstream_5xx'));
    await fail5xx();
    await fail5xx();
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
    await fail5xx();
    const first = harness.pool.account('a1')?.state;
    expect(first?.cooldown?.cause).toBe('ejected');
    expect(first?.health).toBe('recovering');
    const firstLength = (first?.cooldown?.until ?? 0) - harness.clock.now();
    expect(firstLength).toBeGreaterThanOrEqual(24_000);
    expect(firstLength).toBeLessThanOrEqual(36_000);

    // Half-open after the ejection: one more failure ejects again, for twice as long.
    await harness.clock.advance(firstLength);
    await fail5xx();
    const secondLength =
      (harness.pool.account('a1')?.state.cooldown?.until ?? 0) - harness.clock.now();
    expect(secondLength).toBeGreaterThanOrEqual(48_000);
    expect(secondLength).toBeLessThanOrEqual(72_000);

    // A success after the second ejection makes it healthy again.
    await harness.clock.advance(secondLength);
    expect(await serveOne(harness.pool)).toBe('a1');
    expect(harness.pool.account('a1')?.state).toMatchObject({
      health: 'healthy',
      consecutiveFailures: 0,
      ejectionCount: 1,
    });
  });

  it('a success in between resets the consecutive-failure count', async () => {
    const harness = await createHarness({
      accounts: twoAccounts(),
      settings: { maxErrorCount: 2 },
    });
    await failOnce(harness, new FakeUpstreamError('upstream_5xx'));
    expect(await serveOne(harness.pool)).toBe('a1');
    await failOnce(harness, new FakeUpstreamError('network'));
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
  });

  it('keeps an exhausted account out until its reset date, then takes it back', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    const resetAt = harness.clock.now() + 3 * 86_400_000;
    await failOnce(harness, new FakeUpstreamError('quota_exhausted', { resetAt }));
    expect(harness.pool.account('a1')?.unavailable).toEqual({
      reason: 'quota_exhausted',
      until: resetAt,
    });
    await harness.clock.advance(3 * 86_400_000 - 1);
    expect(harness.pool.account('a1')?.unavailable?.reason).toBe('quota_exhausted');
    await harness.clock.advance(1);
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
    harness.pool.runUpkeep();
    const changes = eventsOf(harness.events, 'account_changed').map((event) => event.detail);
    expect(changes).toContainEqual({ change: 'quota_restored', by: 'reset_date' });
  });

  it('takes an exhausted account back early when a usage sync shows credits again', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    await failOnce(harness, new FakeUpstreamError('quota_exhausted'));
    // No reset date known: out for the fallback hour, and a usage sync is requested.
    expect(harness.pool.account('a1')?.unavailable).toEqual({
      reason: 'quota_exhausted',
      until: harness.clock.now() + 3_600_000,
    });
    harness.upstream.usage.set('a1', {
      used: 10,
      limit: 1000,
      resetAt: null,
      plan: 'KIRO PRO',
      entitledModels: null,
    });
    await harness.pool.syncUsage('a1');
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
  });

  it('quarantines on suspension until an admin clears it', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    await failOnce(harness, new FakeUpstreamError('suspended'));
    await harness.clock.advance(7 * 86_400_000);
    expect(harness.pool.account('a1')?.unavailable?.reason).toBe('quarantined');
    expect(harness.pool.clearQuarantine('a1')).toBe(true);
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
    expect(harness.pool.clearQuarantine('a1')).toBe(false);
  });

  it('marks an account unhealthy with the reason when its token cannot be refreshed', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    await failOnce(harness, new FakeUpstreamError('refresh_revoked'));
    expect(harness.pool.account('a1')?.state).toMatchObject({
      health: 'unhealthy',
      healthReason: 'refresh_revoked',
    });
    const health = eventsOf(harness.events, 'account_changed').find(
      (event) => event.detail.change === 'health_changed',
    );
    expect(health?.detail).toEqual({
      change: 'health_changed',
      from: 'healthy',
      to: 'unhealthy',
      reason: 'refresh_revoked',
    });
  });

  it('lets an admin reset every exclusion at once', async () => {
    const harness = await createHarness({ accounts: twoAccounts() });
    await failOnce(harness, new FakeUpstreamError('throttled', { retryAfterSeconds: 600 }));
    expect(harness.pool.resetAccount('a1')).toBe(true);
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
    expect(harness.pool.resetAccount('missing')).toBe(false);
  });
});

describe('ejection cap', () => {
  it('never ejects more than maxPercent of the accounts, nor the last one', async () => {
    const harness = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
      settings: { maxErrorCount: 1, maxAttempts: 4, ejection: { maxPercent: 50 } },
    });
    const failure = new FakeUpstreamError('upstream_5xx');
    for (let round = 0; round < 20; round += 1) {
      await harness.pool.run({ attempt: () => Promise.reject(failure) }).catch(() => undefined);
      const ejected = harness.pool
        .accounts()
        .filter((snapshot) => snapshot.unavailable?.reason === 'cooling_down');
      expect(ejected.length).toBeLessThanOrEqual(2);
    }
    const single = await createHarness({
      accounts: [account('a1')],
      settings: { maxErrorCount: 1 },
    });
    for (let round = 0; round < 5; round += 1) {
      await single.pool.run({ attempt: () => Promise.reject(failure) }).catch(() => undefined);
    }
    expect(single.pool.account('a1')?.unavailable).toBeNull();
  });
});
