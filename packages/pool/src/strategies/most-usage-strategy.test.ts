import { describe, expect, it } from 'vitest';

import { account, countBy, createHarness, serveOne } from '../../test/pool-harness';

describe('most_usage strategy', () => {
  it('always takes the account with the most remaining quota, which spreads consumption', async () => {
    const { pool } = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
      settings: { strategy: 'most_usage' },
    });
    const limits = { a1: 10_000, a2: 30_000, a3: 20_000 } as const;
    for (const [id, limit] of Object.entries(limits)) {
      pool.recordUsage(id, { used: 0, limit, resetAt: null, plan: null, entitledModels: null });
    }
    const picks: string[] = [];
    for (let index = 0; index < 10_000; index += 1) {
      picks.push(await serveOne(pool, { creditsUsed: 2 }));
    }
    const counts = countBy(picks);
    // 20 000 credits drawn from the two fullest accounts until they are level: a2 30 000 → 15 000 and
    // a3 20 000 → 15 000; a1 (10 000 left) and a4 (unknown quota) are never needed.
    expect(counts).toEqual({ a2: 7_500, a3: 2_500 });
    // The first 5 000 picks all go to a2: it leads until it is level with a3.
    expect(new Set(picks.slice(0, 5_000))).toEqual(new Set(['a2']));
    // From then on they alternate, keeping the remainders within one request of each other.
    expect(countBy(picks.slice(5_000, 5_010))).toEqual({ a2: 5, a3: 5 });
    const remaining = Object.fromEntries(
      pool.accounts().map((snapshot) => [snapshot.config.id, snapshot.remainingQuota]),
    );
    expect(remaining).toEqual({ a1: 10_000, a2: 15_000, a3: 15_000, a4: null });
  });
});
