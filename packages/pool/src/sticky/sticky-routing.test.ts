import { describe, expect, it } from 'vitest';

import {
  account,
  countBy,
  createHarness,
  eventsOf,
  FakeUpstreamError,
  serveOne,
} from '../../test/pool-harness';

const fourAccounts = () => ['a1', 'a2', 'a3', 'a4'].map((id) => account(id));

describe('sticky routing', () => {
  it('keeps each conversation on one account while the strategy spreads conversations', async () => {
    const { pool } = await createHarness({ accounts: fourAccounts() });
    const byConversation = new Map<string, Set<string>>();
    const firstPicks: string[] = [];
    for (let turn = 0; turn < 10; turn += 1) {
      for (let conversation = 0; conversation < 100; conversation += 1) {
        const key = `conversation-${conversation}`;
        const picked = await serveOne(pool, { stickyKey: key });
        if (turn === 0) firstPicks.push(picked);
        const seen = byConversation.get(key) ?? new Set<string>();
        seen.add(picked);
        byConversation.set(key, seen);
      }
    }
    for (const accounts of byConversation.values()) expect(accounts.size).toBe(1);
    expect(countBy(firstPicks)).toEqual({ a1: 25, a2: 25, a3: 25, a4: 25 });
    expect(pool.stats().sticky).toMatchObject({
      hits: 900,
      misses: 100,
      rebinds: 0,
      hitRate: 0.9,
      bindings: 100,
    });
  });

  it('falls back to another account when the sticky one fails, and stays there', async () => {
    const { pool, events } = await createHarness({ accounts: fourAccounts() });
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a1');
    const result = await pool.run({
      stickyKey: 'c',
      attempt: ({ account: chosen }) =>
        chosen.id === 'a1'
          ? Promise.reject(new FakeUpstreamError('throttled', { retryAfterSeconds: 60 }))
          : Promise.resolve(chosen.id),
    });
    result.lease.succeed();
    expect(result).toMatchObject({ value: 'a2', attempts: 2 });
    expect(
      eventsOf(events, 'account_selected')
        .slice(-2)
        .map((event) => event.sticky),
    ).toEqual(['hit', 'rebound']);
    // The conversation now lives on a2, even after a1 is back.
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a2');
    await pool.run({ attempt: () => Promise.resolve('') }).then((r) => r.lease.succeed());
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a2');
  });

  it('moves a conversation whose account became ineligible', async () => {
    const { pool } = await createHarness({ accounts: fourAccounts() });
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a1');
    pool.upsertAccount(account('a1', { enabled: false }));
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a2');
    expect(pool.stats().sticky.rebinds).toBe(1);
  });

  it('forgets a binding after the TTL of inactivity, but not while it is in use', async () => {
    const { pool, clock } = await createHarness({
      accounts: fourAccounts(),
      settings: { sticky: { ttlMinutes: 10 } },
    });
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a1');
    for (let turn = 0; turn < 5; turn += 1) {
      clock.set(clock.now() + 9 * 60_000);
      expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a1');
    }
    clock.set(clock.now() + 10 * 60_000);
    expect(await serveOne(pool, { stickyKey: 'c' })).toBe('a2');
    expect(pool.stats().sticky).toMatchObject({ hits: 5, misses: 2 });
  });

  it('bounds the number of bindings', async () => {
    const { pool } = await createHarness({
      accounts: fourAccounts(),
      settings: { sticky: { maxEntries: 10 } },
    });
    for (let index = 0; index < 50; index += 1) await serveOne(pool, { stickyKey: `c${index}` });
    expect(pool.stats().sticky.bindings).toBe(10);
  });

  it('routes by the strategy alone when sticky routing is off', async () => {
    const { pool } = await createHarness({
      accounts: fourAccounts(),
      settings: { sticky: { enabled: false } },
    });
    const picks = [];
    for (let index = 0; index < 4; index += 1) picks.push(await serveOne(pool, { stickyKey: 'c' }));
    expect(new Set(picks).size).toBe(4);
    expect(pool.stats().sticky.hits + pool.stats().sticky.misses).toBe(0);
  });
});
