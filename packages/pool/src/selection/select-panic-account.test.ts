import { describe, expect, it } from 'vitest';

import {
  account,
  createHarness,
  eventsOf,
  failOn,
  FakeUpstreamError,
  serveOne,
} from '../../test/pool-harness';
import type { AccountState } from '../account/account-state';
import { NoEligibleAccountError } from '../errors/no-eligible-account-error';

const start = Date.UTC(2026, 0, 1); // the ManualClock's start
const ejected = (untilMs: number, ejectionCount = 1): Partial<AccountState> => ({
  cooldown: { until: start + untilMs, cause: 'ejected', reason: 'network' },
  ejectionCount,
  health: 'recovering',
});
const rateLimited = (untilMs: number): Partial<AccountState> => ({
  cooldown: { until: start + untilMs, cause: 'rate_limited', reason: 'throttled' },
});
const throttled = () => new FakeUpstreamError('throttled', { retryAfterSeconds: 1 });

describe('panic routing: an ejected account serves when nothing else can', () => {
  it('serves from the ejected account while the others are rate limited, then stops', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3')],
      settings: { maxErrorCount: 3 },
    });
    // a3 is ejected after three cut streams while a1 and a2 could still serve.
    for (let round = 0; round < 3; round += 1) {
      const result = await harness.pool.run({
        attempt: failOn({ a1: throttled(), a2: throttled() }),
      });
      expect(result.value).toBe('a3');
      await harness.clock.advance(1_000);
      result.lease.fail(new FakeUpstreamError('network'));
    }
    expect(harness.pool.account('a3')?.state.cooldown).toMatchObject({ cause: 'ejected' });
    const ejectedUntil = harness.pool.account('a3')?.state.cooldown?.until;

    // Then a1 and a2 both answer 429: instead of failing, the request goes to a3.
    const result = await harness.pool.run({
      model: 'claude-sonnet-4.5',
      requestId: 'r1',
      attempt: failOn({ a1: throttled(), a2: throttled() }),
    });
    expect(result).toMatchObject({ value: 'a3', attempts: 3 });
    result.lease.succeed();
    expect(eventsOf(harness.events, 'panic_routed')).toEqual([
      {
        type: 'panic_routed',
        at: harness.clock.now(),
        accountId: 'a3',
        attempt: 3,
        model: 'claude-sonnet-4.5',
        ejectedUntil,
        unavailable: { cooling_down: 2 },
        requestId: 'r1',
      },
    ]);
    // Every request during the rate limits is served the same way.
    for (let round = 0; round < 5; round += 1) expect(await serveOne(harness.pool)).toBe('a3');
    expect(harness.pool.stats().panic).toEqual({ routed: 6, lastAt: harness.clock.now() });
    expect(eventsOf(harness.events, 'no_eligible_account')).toEqual([]);
    expect(eventsOf(harness.events, 'account_selected').at(-1)?.sticky).toBe('none');

    // Once a1 is back, requests go to it again, not to the ejected account.
    await harness.clock.advance(1_000);
    expect(await serveOne(harness.pool)).toBe('a1');
    expect(harness.pool.stats().panic.routed).toBe(6);
  });

  const hard: Array<
    [string, Partial<AccountState>, { allowedModels?: string[]; enabled?: boolean }]
  > = [
    ['quarantined', { quarantine: { reason: 'suspended', since: start } }, {}],
    ['unhealthy (refresh revoked)', { health: 'unhealthy', healthReason: 'refresh_revoked' }, {}],
    ['out of quota', { quotaExhaustedUntil: start + 86_400_000 }, {}],
    [
      'not entitled to the model',
      {
        usage: {
          used: 0,
          limit: 50,
          exhausted: false,
          resetAt: null,
          plan: 'KIRO FREE',
          entitledModels: ['claude-haiku-4.5'],
          syncedAt: start,
        },
      },
      {},
    ],
    ['not allowed the model', {}, { allowedModels: ['claude-haiku-4.5'] }],
    ['disabled', {}, { enabled: false }],
  ];
  it.each(hard)(
    'never routes to an ejected account that is also %s',
    async (_name, state, config) => {
      const harness = await createHarness({
        accounts: [account('a1'), account('a2', config)],
        states: { a1: rateLimited(5_000), a2: { ...ejected(30_000), ...state } },
      });
      const error = await serveOne(harness.pool, { model: 'claude-opus-4.5' }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(NoEligibleAccountError);
      expect(eventsOf(harness.events, 'panic_routed')).toEqual([]);
      expect(harness.pool.stats().panic.routed).toBe(0);
    },
  );

  it('never overrides a rate limit: the upstream asked us to back off', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      states: { a1: rateLimited(2_000), a2: rateLimited(4_000) },
    });
    await expect(serveOne(harness.pool)).rejects.toMatchObject({
      reason: 'all_cooling_down',
      retryAfterSeconds: 2,
    });
    expect(eventsOf(harness.events, 'panic_routed')).toEqual([]);
  });

  it('keeps a rate limit that overlaps an ejection a rate limit', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      settings: { maxErrorCount: 1, strategy: 'oldest_first' },
    });
    const stream = await harness.pool.run({ attempt: failOn({}) });
    expect(stream.value).toBe('a1');
    // While the stream runs, another request gets a 429 on a1 (10 min); then the stream is cut.
    (
      await harness.pool.run({
        attempt: failOn({ a1: new FakeUpstreamError('throttled', { retryAfterSeconds: 600 }) }),
      })
    ).lease.succeed();
    stream.lease.fail(new FakeUpstreamError('network'));
    expect(harness.pool.account('a1')?.state.cooldown).toMatchObject({
      cause: 'rate_limited',
      until: start + 600_000,
    });
    expect(harness.pool.account('a1')?.state.ejectionCount).toBe(1);
  });

  it('picks the least bad: fewest ejections, then the ejection that ends first', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3'), account('a4')],
      states: {
        a1: ejected(20_000, 3),
        a2: ejected(60_000, 1),
        a3: ejected(40_000, 1),
        a4: rateLimited(5_000),
      },
    });
    const tried: string[] = [];
    const result = await harness.pool.run({
      attempt: ({ account: chosen }) => {
        tried.push(chosen.id);
        return chosen.id === 'a3'
          ? Promise.reject(new FakeUpstreamError('upstream_5xx'))
          : Promise.resolve(chosen.id);
      },
    });
    // a3 and a2 have one ejection each and a3's ends first; after a3 fails, a2 beats a1 (3 ejections).
    expect(tried).toEqual(['a3', 'a2']);
    expect(result.value).toBe('a2');
    expect(eventsOf(harness.events, 'panic_routed').map((event) => event.unavailable)).toEqual([
      { cooling_down: 3 },
      { cooling_down: 3 },
    ]);
  });

  it('prefers an ejected account this request has not tried over one that just failed it', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3')],
      states: { a3: ejected(30_000) },
    });
    const blip = new FakeUpstreamError('upstream_5xx');
    const tried: string[] = [];
    const result = await harness.pool.run({
      attempt: ({ account: chosen }) => {
        tried.push(chosen.id);
        return chosen.id === 'a3' ? Promise.resolve('a3') : Promise.reject(blip);
      },
    });
    expect(tried).toEqual(['a1', 'a2', 'a3']);
    expect(result).toMatchObject({ value: 'a3', attempts: 3 });
    expect(eventsOf(harness.events, 'panic_routed')).toHaveLength(1);
  });

  it('does not panic while an account not yet tried is only busy: a tried one goes again first', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2', { maxConcurrency: 1 }), account('a3')],
      states: { a3: ejected(30_000) },
    });
    (await harness.pool.run({ attempt: failOn({}) })).lease.succeed();
    const busy = await harness.pool.run({ attempt: failOn({}) });
    expect(busy.value).toBe('a2');
    const tried: string[] = [];
    const result = await harness.pool.run({
      attempt: ({ account: chosen }) => {
        tried.push(chosen.id);
        return tried.length === 1
          ? Promise.reject(new FakeUpstreamError('network'))
          : Promise.resolve(chosen.id);
      },
    });
    expect(tried).toEqual(['a1', 'a1']);
    expect(result.value).toBe('a1');
    expect(eventsOf(harness.events, 'account_selected').at(-1)?.queuedMs).toBe(0);
    expect(eventsOf(harness.events, 'panic_routed')).toEqual([]);
  });

  it('gives an ejected account one try per request: if it fails too, the request fails', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      states: { a1: rateLimited(5_000), a2: ejected(30_000) },
    });
    const failure = new FakeUpstreamError('upstream_5xx');
    let calls = 0;
    const error = await harness.pool
      .run({
        attempt: () => {
          calls += 1;
          return Promise.reject(failure);
        },
      })
      .catch((caught: unknown) => caught);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(NoEligibleAccountError);
    expect(error).toMatchObject({ reason: 'all_cooling_down', cause: failure });
  });

  it('waits for a busy healthy account first, and panics only when the queue timeout passes', async () => {
    const harness = await createHarness({
      accounts: [account('a1', { maxConcurrency: 1 }), account('a2')],
      states: { a2: ejected(60_000) },
      settings: { concurrency: { queueTimeoutMs: 5_000 } },
    });
    const busy = await harness.pool.run({ attempt: failOn({}) });
    expect(busy.value).toBe('a1');

    const queued = harness.pool.run({ attempt: failOn({}) });
    await harness.clock.advance(1_000);
    busy.lease.succeed();
    const served = await queued;
    expect(served.value).toBe('a1');
    expect(eventsOf(harness.events, 'panic_routed')).toEqual([]);

    const overflow = harness.pool.run({ attempt: failOn({}) });
    const result = await harness.clock.settle(overflow);
    expect(result.value).toBe('a2');
    expect(eventsOf(harness.events, 'account_selected').at(-1)?.queuedMs).toBe(5_000);
    expect(eventsOf(harness.events, 'panic_routed')).toHaveLength(1);
  });

  it('respects the concurrency cap of the ejected account', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2', { maxConcurrency: 1 })],
      states: { a1: rateLimited(5_000), a2: ejected(30_000) },
      settings: { concurrency: { queueTimeoutMs: 0 } },
    });
    const first = await harness.pool.run({ attempt: failOn({}) });
    expect(first.value).toBe('a2');
    await expect(serveOne(harness.pool)).rejects.toBeInstanceOf(NoEligibleAccountError);
    first.lease.succeed();
    expect(await serveOne(harness.pool)).toBe('a2');
  });

  it('leaves sticky bindings alone: the conversation returns to its account', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      states: { a2: ejected(60_000) },
    });
    expect(await serveOne(harness.pool, { stickyKey: 'conversation' })).toBe('a1');
    const result = await harness.pool.run({
      stickyKey: 'conversation',
      attempt: failOn({ a1: new FakeUpstreamError('throttled', { retryAfterSeconds: 2 }) }),
    });
    result.lease.succeed();
    expect(result.value).toBe('a2');
    const selected = eventsOf(harness.events, 'account_selected').map((event) => event.sticky);
    expect(selected).toEqual(['miss', 'hit', 'none']);

    await harness.clock.advance(2_000);
    expect(await serveOne(harness.pool, { stickyKey: 'conversation' })).toBe('a1');
    expect(harness.pool.stats().sticky).toMatchObject({ hits: 2, rebinds: 0 });
  });

  it('can be turned off: then the request fails as before', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      states: { a1: rateLimited(5_000), a2: ejected(30_000) },
      settings: { ejection: { panicRouting: false } },
    });
    await expect(serveOne(harness.pool)).rejects.toMatchObject({
      reason: 'all_cooling_down',
      retryAfterSeconds: 5,
    });
    harness.pool.updateSettings({ ejection: { panicRouting: true } });
    expect(await serveOne(harness.pool)).toBe('a2');
  });
});
