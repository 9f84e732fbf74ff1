import { describe, expect, it } from 'vitest';

import {
  account,
  createHarness,
  eventsOf,
  failOn,
  FakeUpstreamError,
  type Harness,
} from '../../test/pool-harness';
import type { Lease } from '../failover/lease';
import type { AccountConfig } from './account-config';

const cut = () => new FakeUpstreamError('network');

/** A request that ends on whichever account the pool picks; the stream is still open (the lease). */
async function openStream(harness: Harness, failures: Record<string, Error> = {}): Promise<Lease> {
  const result = await harness.pool.run({ attempt: failOn(failures) });
  return result.lease;
}

function skipped(harness: Harness, accountId: string) {
  return eventsOf(harness.events, 'account_changed')
    .filter((event) => event.accountId === accountId)
    .map((event) => event.detail)
    .filter((detail) => detail.change === 'ejection_skipped');
}

describe('the ejection guard: never eject when no other account could serve', () => {
  it('keeps the healthy account in when three streams are cut while the others are rate limited', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3')],
      settings: { maxErrorCount: 3 },
    });
    const throttled = new FakeUpstreamError('throttled', { retryAfterSeconds: 1 });
    // The first request meets a 429 on a1 and a2 (1 s each) and lands on a3; two more follow it.
    const streams = [await openStream(harness, { a1: throttled, a2: throttled })];
    streams.push(await openStream(harness), await openStream(harness));
    expect(streams.map((lease) => lease.accountId)).toEqual(['a3', 'a3', 'a3']);

    for (const stream of streams) stream.fail(cut());

    expect(harness.pool.account('a3')?.unavailable).toBeNull();
    expect(harness.pool.account('a3')?.state.consecutiveFailures).toBe(3);
    expect(skipped(harness, 'a3')).toEqual([
      { change: 'ejection_skipped', veto: 'last_serving', reason: 'network' },
    ]);
    // Clients keep being served while a1 and a2 cool down.
    const next = await openStream(harness);
    expect(next.accountId).toBe('a3');
    expect(eventsOf(harness.events, 'no_eligible_account')).toEqual([]);

    // Once a1 and a2 are back, the streak still counts: the next cut ejects a3 as usual.
    await harness.clock.advance(1_000);
    next.fail(cut());
    expect(harness.pool.account('a3')?.state.cooldown).toMatchObject({ cause: 'ejected' });
  });

  it('ejects as usual when another account can still serve', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3')],
      settings: { maxErrorCount: 3 },
    });
    const throttled = new FakeUpstreamError('throttled', { retryAfterSeconds: 1 });
    const streams = [await openStream(harness, { a1: throttled, a2: cut() })];
    streams.push(await openStream(harness, { a2: cut() }), await openStream(harness));
    expect(streams.map((lease) => lease.accountId)).toEqual(['a3', 'a3', 'a2']);
    streams[2]?.succeed();
    const third = await openStream(harness, { a2: cut() });
    expect(third.accountId).toBe('a3');
    for (const stream of [streams[0], streams[1], third]) stream?.fail(cut());
    expect(harness.pool.account('a3')?.state.cooldown).toMatchObject({ cause: 'ejected' });
    expect(skipped(harness, 'a3')).toEqual([]);
  });

  const takeOut: Array<[string, Partial<AccountConfig>, Error | undefined]> = [
    ['quarantined (suspended)', {}, new FakeUpstreamError('suspended')],
    ['out of quota', {}, new FakeUpstreamError('quota_exhausted')],
    ['unhealthy (refresh revoked)', {}, new FakeUpstreamError('refresh_revoked')],
    ['rate limited', {}, new FakeUpstreamError('throttled', { retryAfterSeconds: 600 })],
    ['disabled', { enabled: false }, undefined],
  ];
  it.each(takeOut)(
    'counts accounts that are %s as unable to serve',
    async (_name, config, failure) => {
      const harness = await createHarness({
        accounts: [account('a1', config), account('a2', config), account('a3')],
        settings: { maxErrorCount: 2 },
      });
      const failures: Record<string, Error> =
        failure === undefined ? {} : { a1: failure, a2: failure };
      const first = await openStream(harness, failures);
      const second = await openStream(harness);
      expect([first.accountId, second.accountId]).toEqual(['a3', 'a3']);
      first.fail(cut());
      second.fail(cut());
      expect(harness.pool.account('a3')?.unavailable).toBeNull();
      expect(skipped(harness, 'a3')).toHaveLength(1);
    },
  );

  it('counts accounts at their concurrency limit as unable to serve', async () => {
    const harness = await createHarness({
      accounts: [
        account('a1', { maxConcurrency: 1 }),
        account('a2', { maxConcurrency: 1 }),
        account('a3'),
      ],
      settings: { maxErrorCount: 2, strategy: 'oldest_first' },
    });
    const busy = [await openStream(harness), await openStream(harness)];
    expect(busy.map((lease) => lease.accountId)).toEqual(['a1', 'a2']);
    const streams = [await openStream(harness), await openStream(harness)];
    const last = await openStream(harness);
    expect(last.accountId).toBe('a3');
    for (const stream of streams) stream.fail(cut());
    expect(harness.pool.account('a3')?.unavailable).toBeNull();
    expect(skipped(harness, 'a3')).toEqual([
      { change: 'ejection_skipped', veto: 'last_serving', reason: 'network' },
    ]);
    // A slot frees up on a1: now a3 can be spared.
    busy[0]?.succeed();
    last.fail(cut());
    expect(harness.pool.account('a3')?.state.cooldown).toMatchObject({ cause: 'ejected' });
  });

  it('never ejects a lone account, however often it fails', async () => {
    const harness = await createHarness({
      accounts: [account('a1')],
      settings: { maxErrorCount: 1 },
    });
    for (let round = 0; round < 5; round += 1) (await openStream(harness)).fail(cut());
    expect(harness.pool.account('a1')?.unavailable).toBeNull();
    expect(skipped(harness, 'a1')).toHaveLength(5);
  });

  it('reports the max-percent cap as the reason when it is the one that holds', async () => {
    const harness = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
      settings: { maxErrorCount: 1, ejection: { maxPercent: 25 }, strategy: 'oldest_first' },
    });
    (await openStream(harness)).fail(cut());
    expect(harness.pool.account('a1')?.state.cooldown).toMatchObject({ cause: 'ejected' });
    (await openStream(harness)).fail(cut());
    expect(harness.pool.account('a2')?.unavailable).toBeNull();
    expect(skipped(harness, 'a2')).toEqual([
      { change: 'ejection_skipped', veto: 'max_percent', reason: 'network' },
    ]);
  });
});
