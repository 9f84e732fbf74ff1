import { describe, expect, it } from 'vitest';

import { account, countBy, createHarness, serveOne } from '../../test/pool-harness';

describe('least_usage strategy', () => {
  it('drains the account with the least remaining quota first, unknown quota last', async () => {
    const { pool } = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
      settings: { strategy: 'least_usage' },
    });
    const report = (used: number, limit: number) => ({
      used,
      limit,
      resetAt: null,
      plan: null,
      entitledModels: null,
    });
    pool.recordUsage('a1', report(900, 1000)); // 100 left
    pool.recordUsage('a2', report(50, 100)); // 50 left: drained first
    pool.recordUsage('a3', report(0, 200)); // 200 left
    // a4: unknown quota
    const picks: string[] = [];
    for (let index = 0; index < 10_000; index += 1) picks.push(await serveOne(pool));
    expect(countBy(picks)).toEqual({ a2: 10_000 });

    // Once a2 is spent (the upstream says so), the next smallest remainder takes over.
    pool.recordUsage('a2', report(100, 100));
    expect(await serveOne(pool)).toBe('a1');
    pool.recordUsage('a1', report(1000, 1000));
    expect(await serveOne(pool)).toBe('a3');
    pool.recordUsage('a3', report(200, 200));
    expect(await serveOne(pool)).toBe('a4');
  });
});
