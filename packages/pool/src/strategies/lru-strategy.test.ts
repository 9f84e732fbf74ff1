import { describe, expect, it } from 'vitest';

import { account, countBy, createHarness, serveOne } from '../../test/pool-harness';

describe('lru strategy', () => {
  it('spreads 10 000 picks evenly: every account idle the longest gets the next request', async () => {
    const { pool, clock } = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
    });
    const picks: string[] = [];
    for (let index = 0; index < 10_000; index += 1) {
      picks.push(await serveOne(pool));
      if (index % 3 === 0) clock.set(clock.now() + 1);
    }
    expect(countBy(picks)).toEqual({ a1: 2500, a2: 2500, a3: 2500, a4: 2500 });
    // Least recently used: each window of four picks covers every account once.
    for (let start = 0; start < picks.length; start += 4) {
      expect(new Set(picks.slice(start, start + 4)).size).toBe(4);
    }
  });

  it('prefers never-used accounts, then the one used longest ago', async () => {
    const { pool, clock } = await createHarness({
      accounts: ['a1', 'a2', 'a3'].map((id) => account(id)),
    });
    expect(await serveOne(pool)).toBe('a1');
    clock.set(clock.now() + 10);
    expect(await serveOne(pool)).toBe('a2');
    clock.set(clock.now() + 10);
    pool.upsertAccount(account('a0', { createdAt: 5_000 }));
    // Both a3 and the new a0 were never used: the stable order breaks the tie.
    expect(await serveOne(pool)).toBe('a3');
    clock.set(clock.now() + 10);
    expect(await serveOne(pool)).toBe('a0');
    clock.set(clock.now() + 10);
    expect(await serveOne(pool)).toBe('a1');
    clock.set(clock.now() + 10);
    expect(await serveOne(pool)).toBe('a2');
  });
});
