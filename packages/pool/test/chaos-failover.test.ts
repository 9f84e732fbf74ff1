import { describe, expect, it } from 'vitest';

import { createSeededRandom } from '../src/index';
import { account, createHarness, eventsOf, FakeUpstreamError } from './pool-harness';

/**
 * 2 000 requests over 3 accounts with 30 % of attempts failing before the first event on two of them
 * (5xx, resets, first-byte timeouts, 429s with and without Retry-After, a quota running out). As long as
 * one account stays healthy, no failure may reach a client, no request may run after its commit point,
 * and every slot must come back exactly once.
 */
describe('failover under injected pre-first-byte faults', () => {
  it('serves every request while one account is healthy', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3')],
      settings: { retryBackoff: { baseMs: 50, capMs: 500 } },
    });
    const { pool, clock, events } = harness;
    const random = createSeededRandom(7);
    const faults = [
      () => new FakeUpstreamError('upstream_5xx'),
      () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      () => new FakeUpstreamError('first_byte_timeout'),
      () => new FakeUpstreamError('throttled', { retryAfterSeconds: 2 }),
      () => new FakeUpstreamError('throttled'),
    ];
    const attemptsByRequest: number[] = [];
    let faultsInjected = 0;
    let leasesSettled = 0;

    for (let request = 0; request < 2_000; request += 1) {
      const attemptedAccounts: string[] = [];
      const run = pool.run({
        attempt: ({ account: chosen }) => {
          attemptedAccounts.push(chosen.id);
          if (chosen.id !== 'a3' && random.next() < 0.3) {
            faultsInjected += 1;
            if (request === 1_000 && chosen.id === 'a1') {
              return Promise.reject(
                new FakeUpstreamError('quota_exhausted', { resetAt: clock.now() + 20_000 }),
              );
            }
            const fault = faults[Math.floor(random.next() * faults.length)]!;
            return Promise.reject(fault());
          }
          return Promise.resolve(chosen.id);
        },
      });
      const result = await clock.settle(run);
      expect(new Set(attemptedAccounts).size).toBe(attemptedAccounts.length);
      expect(result.attempts).toBe(attemptedAccounts.length);
      expect(result.value).toBe(attemptedAccounts.at(-1));
      attemptsByRequest.push(result.attempts);
      // A stream that breaks after the commit point is reported, never retried.
      if (random.next() < 0.05) result.lease.fail(new FakeUpstreamError('idle_timeout'));
      else result.lease.succeed();
      if (!result.lease.succeed()) leasesSettled += 1;
      await clock.advance(100);
    }

    // About 30 % of the attempts on a1 and a2 failed.
    expect(faultsInjected).toBeGreaterThan(100);
    expect(eventsOf(events, 'request_failed')).toHaveLength(0);
    expect(eventsOf(events, 'request_committed')).toHaveLength(2_000);
    expect(Math.max(...attemptsByRequest)).toBeLessThanOrEqual(3);
    expect(leasesSettled).toBe(2_000);
    expect(pool.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    expect(pool.stats().retryBudget).toMatchObject({ activeRequests: 0, retriesInFlight: 0 });
    // The faulty accounts still carried traffic: every cooldown ended by itself.
    const served = eventsOf(events, 'request_committed').map((event) => event.accountId);
    for (const id of ['a1', 'a2']) {
      expect(served.filter((accountId) => accountId === id).length).toBeGreaterThan(50);
    }
  });
});
