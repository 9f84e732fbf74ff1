import { describe, expect, it } from 'vitest';

import {
  account,
  createFakeUpstream,
  createHarness,
  eventsOf,
  FakeUpstreamError,
  failOn,
  serveOne,
} from '../../test/pool-harness';

const minute = 60_000;
const threeAccounts = () => ['a1', 'a2', 'a3'].map((id) => account(id));

function callsOf(
  upstream: ReturnType<typeof createFakeUpstream>,
  method: string,
  accountId?: string,
) {
  return upstream.calls.filter(
    (call) => call.method === method && (accountId === undefined || call.accountId === accountId),
  ).length;
}

describe('upkeep scheduler', () => {
  it('checks every account at start and then on the live intervals, costing no quota', async () => {
    const harness = await createHarness({
      accounts: threeAccounts(),
      settings: { upkeep: { concurrency: 3 } },
    });
    const { pool, clock, upstream } = harness;
    pool.updateSettings({ tokenRefresh: { checkIntervalMinutes: 2 } });
    await pool.start();
    await clock.advance(0);
    expect(callsOf(upstream, 'refreshToken')).toBe(3);
    expect(callsOf(upstream, 'fetchUsage')).toBe(3);
    expect(pool.account('a1')?.state.usage?.plan).toBe('KIRO PRO');

    // Token checks every 2 minutes; the health check (which also syncs usage) every 10.
    await clock.advance(2 * minute);
    expect(callsOf(upstream, 'refreshToken')).toBe(6);
    expect(callsOf(upstream, 'fetchUsage')).toBe(3);
    await clock.advance(8 * minute);
    expect(callsOf(upstream, 'fetchUsage')).toBe(6);

    // A new interval applies at once.
    pool.updateSettings({ healthCheck: { intervalMinutes: 1 }, tokenRefresh: { enabled: false } });
    const before = callsOf(upstream, 'fetchUsage');
    await clock.advance(3 * minute);
    expect(callsOf(upstream, 'fetchUsage') - before).toBe(9);
    await pool.stop();
    const stopped = upstream.calls.length;
    await clock.advance(60 * minute);
    expect(upstream.calls.length).toBe(stopped);
  });

  it('never overlaps calls on one account, and a hanging account never blocks the others', async () => {
    const upstream = createFakeUpstream();
    const fetchUsage = upstream.fetchUsage.bind(upstream);
    let hungCalls = 0;
    upstream.fetchUsage = (target, options) => {
      if (target.id !== 'a1') return fetchUsage(target, options);
      hungCalls += 1;
      return new Promise(() => undefined); // ignores its signal entirely
    };
    const harness = await createHarness({
      accounts: threeAccounts(),
      upstream,
      settings: { upkeep: { concurrency: 1, taskTimeoutMs: 30_000, tickSeconds: 15 } },
    });
    await harness.pool.start();
    await harness.clock.advance(0);
    expect(hungCalls).toBe(1);
    await harness.clock.advance(30_000);
    const timedOut = eventsOf(harness.events, 'upkeep_task').filter(
      (e) => e.outcome === 'timed_out',
    );
    expect(timedOut).toMatchObject([{ accountId: 'a1', task: 'health_check' }]);
    await harness.clock.advance(30 * minute);
    // a2 and a3 were checked (more than once) while a1's first call still hangs.
    expect(callsOf(upstream, 'fetchUsage', 'a2')).toBeGreaterThanOrEqual(3);
    expect(callsOf(upstream, 'fetchUsage', 'a3')).toBeGreaterThanOrEqual(3);
    expect(hungCalls).toBe(1);
    // The timeout counted as a failed check, not as an ejection.
    expect(harness.pool.account('a1')?.state.consecutiveFailures).toBe(1);
    await harness.pool.stop();
  });

  it('probes an unhealthy account with growing backoff until it recovers', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      settings: {
        jitter: 0,
        healthCheck: { enabled: false },
        usageSync: { enabled: false },
        tokenRefresh: { enabled: false },
      },
    });
    const { pool, clock, upstream } = harness;
    (
      await pool.run({ attempt: failOn({ a1: new FakeUpstreamError('refresh_failed') }) })
    ).lease.succeed();
    upstream.failures.set('refreshToken:a1', new FakeUpstreamError('refresh_failed'));
    await pool.start();
    const probeTimes: number[] = [];
    pool.subscribe((event) => {
      if (event.type === 'upkeep_task' && event.task === 'recovery_probe')
        probeTimes.push(event.at);
    });
    const startedAt = clock.now();
    for (let step = 0; step < 8 * 4; step += 1) await clock.advance(15_000);
    // Probes at 1 min, then 2 and 4 minutes apart (tick granularity 15 s).
    const offsets = probeTimes.map((time) => time - startedAt);
    expect(offsets.slice(0, 3)).toEqual([60_000, 180_000, 420_000]);
    expect(pool.account('a1')?.state.health).toBe('unhealthy');

    upstream.failures.delete('refreshToken:a1');
    await clock.advance(16 * minute);
    expect(pool.account('a1')?.state.health).toBe('recovering');
    expect(pool.account('a1')?.unavailable).toBeNull();
    await serveOne(pool);
    await serveOne(pool);
    expect(pool.account('a1')?.state.health).toBe('healthy');
    await pool.stop();
  });

  it('lifts a quarantine after a successful probe, waiting longer on repeated strikes', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      settings: { jitter: 0 },
    });
    const { pool, clock } = harness;
    const suspend = async () =>
      (
        await pool.run({ attempt: failOn({ a1: new FakeUpstreamError('suspicious_activity') }) })
      ).lease.succeed();
    await suspend();
    expect(pool.account('a1')?.state.nextProbeAt).toBe(clock.now() + 15 * minute);
    await pool.start();
    await clock.advance(15 * minute);
    expect(pool.account('a1')?.state.quarantine).toBeNull();
    expect(eventsOf(harness.events, 'account_changed').map((e) => e.detail)).toContainEqual({
      change: 'quarantine_cleared',
      by: 'probe',
    });
    // Quarantined again soon after: the second strike waits twice as long.
    await clock.advance(minute);
    while (pool.account('a1')?.unavailable !== null) await clock.advance(minute);
    await suspend();
    expect(pool.account('a1')?.state.quarantineStrikes).toBe(2);
    expect(pool.account('a1')?.state.nextProbeAt).toBe(clock.now() + 30 * minute);
    await pool.stop();
  });

  it('marks an account unhealthy when a token refresh is refused, but ignores a flaky usage call', async () => {
    const harness = await createHarness({
      accounts: threeAccounts(),
      settings: { upkeep: { concurrency: 3 } },
    });
    const { pool, clock, upstream } = harness;
    upstream.failures.set('fetchUsage:a2', new FakeUpstreamError('upstream_5xx'));
    pool.updateSettings({ healthCheck: { enabled: false } });
    await pool.start();
    await clock.advance(0);
    upstream.failures.set('refreshToken:a1', new FakeUpstreamError('refresh_revoked'));
    await clock.advance(2 * minute);
    expect(pool.account('a1')?.state).toMatchObject({
      health: 'unhealthy',
      healthReason: 'refresh_revoked',
    });
    await clock.advance(30 * minute);
    expect(pool.account('a2')?.state).toMatchObject({ health: 'healthy', consecutiveFailures: 0 });
    expect(pool.account('a2')?.unavailable).toBeNull();
    await pool.stop();
  });

  it('restores an exhausted account through the periodic usage sync', async () => {
    const harness = await createHarness({ accounts: [account('a1'), account('a2')] });
    const { pool, clock, upstream } = harness;
    const resetAt = clock.now() + 20 * 86_400_000;
    upstream.usage.set('a1', {
      used: 500,
      limit: 500,
      resetAt,
      plan: 'KIRO FREE',
      entitledModels: null,
    });
    await pool.start();
    await clock.advance(0);
    expect(pool.account('a1')?.unavailable).toEqual({ reason: 'quota_exhausted', until: resetAt });
    // A bonus arrives: the next sync sees credits and the account is back long before the reset date.
    upstream.usage.set('a1', {
      used: 500,
      limit: 1500,
      resetAt,
      plan: 'KIRO FREE',
      entitledModels: null,
    });
    await clock.advance(10 * minute);
    expect(pool.account('a1')?.unavailable).toBeNull();
    await pool.stop();
  });

  it('records refreshed tokens and runs the optional generation probe', async () => {
    const upstream = createFakeUpstream();
    const generations: string[] = [];
    upstream.refreshToken = () => Promise.resolve({ refreshed: true, expiresAt: 123_456 });
    upstream.probeGeneration = (target, options) => {
      generations.push(`${target.id}:${options.model}`);
      return Promise.resolve();
    };
    const harness = await createHarness({
      accounts: [account('a1')],
      upstream,
      settings: { healthCheck: { generationModel: 'claude-haiku-4.5' } },
    });
    const snapshot = await harness.pool.checkAccount('a1');
    expect(generations).toEqual(['a1:claude-haiku-4.5']);
    expect(snapshot?.state.tokenExpiresAt).toBe(123_456);
    expect(eventsOf(harness.events, 'account_changed').map((e) => e.detail)).toContainEqual({
      change: 'token_refreshed',
      expiresAt: 123_456,
    });
  });
});
