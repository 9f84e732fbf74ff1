import { describe, expect, it } from 'vitest';

import { account, createHarness, eventsOf, FakeUpstreamError } from '../../test/pool-harness';

async function leaseOn(harness: Awaited<ReturnType<typeof createHarness>>) {
  const result = await harness.pool.run({
    attempt: ({ account: chosen }) => Promise.resolve(chosen.id),
  });
  return result.lease;
}

describe('lease after the commit point', () => {
  it('releases the slot exactly once, whatever the caller calls afterwards', async () => {
    const harness = await createHarness({ accounts: [account('a1')] });
    const lease = await leaseOn(harness);
    expect(harness.pool.account('a1')?.inFlight).toBe(1);
    expect(harness.pool.stats().retryBudget.activeRequests).toBe(1);
    expect(lease.succeed()).toBe(true);
    expect(lease.succeed()).toBe(false);
    expect(lease.fail(new FakeUpstreamError('upstream_5xx'))).toBe(false);
    expect(lease.abort()).toBe(false);
    expect(lease.outcome).toBe('succeeded');
    expect(harness.pool.account('a1')?.inFlight).toBe(0);
    expect(harness.pool.stats().retryBudget.activeRequests).toBe(0);
    expect(harness.pool.account('a1')?.state.consecutiveFailures).toBe(0);
    expect(eventsOf(harness.events, 'lease_settled')).toHaveLength(1);
  });

  it('counts a mid-stream failure against the account (and never retries)', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      settings: { maxErrorCount: 2 },
    });
    const first = await leaseOn(harness);
    first.fail(new FakeUpstreamError('idle_timeout'));
    expect(harness.pool.account('a1')?.state.consecutiveFailures).toBe(1);
    harness.clock.set(harness.clock.now() + 1);
    // lru now picks a2, then a1 again.
    (await leaseOn(harness)).succeed();
    harness.clock.set(harness.clock.now() + 1);
    const third = await leaseOn(harness);
    expect(third.accountId).toBe('a1');
    third.fail(new FakeUpstreamError('upstream_5xx'));
    expect(harness.pool.account('a1')?.unavailable?.reason).toBe('cooling_down');
    expect(eventsOf(harness.events, 'lease_settled').map((event) => event.outcome)).toEqual([
      'failed',
      'succeeded',
      'failed',
    ]);
  });

  it('never blames the account for a client abort or a client-caused failure', async () => {
    const harness = await createHarness({ accounts: [account('a1')] });
    const aborted = await leaseOn(harness);
    expect(aborted.abort()).toBe(true);
    const clientFault = await leaseOn(harness);
    clientFault.fail(new FakeUpstreamError('context_too_long'));
    expect(harness.pool.account('a1')?.state).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
      cooldown: null,
    });
    expect(harness.pool.account('a1')?.inFlight).toBe(0);
  });

  it('subtracts reported credits from the remaining-quota estimate', async () => {
    const harness = await createHarness({ accounts: [account('a1')] });
    harness.pool.recordUsage('a1', {
      used: 100,
      limit: 1000,
      resetAt: null,
      plan: null,
      entitledModels: null,
    });
    (await leaseOn(harness)).succeed({ creditsUsed: 2.5 });
    expect(harness.pool.account('a1')?.remainingQuota).toBe(897.5);
  });

  it('releases a forgotten lease after maxLeaseMinutes, without blame', async () => {
    const harness = await createHarness({
      accounts: [account('a1')],
      settings: { maxLeaseMinutes: 1 },
    });
    const lease = await leaseOn(harness);
    await harness.clock.advance(60_000);
    expect(lease.outcome).toBe('expired');
    expect(harness.pool.account('a1')?.inFlight).toBe(0);
    expect(lease.succeed()).toBe(false);
    expect(harness.pool.account('a1')?.state.lastError).toBeNull();
  });
});
