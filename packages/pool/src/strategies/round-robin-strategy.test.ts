import { describe, expect, it } from 'vitest';

import { account, countBy, createHarness, serveOne } from '../../test/pool-harness';

describe('round_robin strategy', () => {
  it('rotates through accounts in the stable order, exactly evenly over 10 000 picks', async () => {
    const { pool } = await createHarness({
      accounts: ['a3', 'a1', 'a2'].map((id) => account(id)),
      settings: { strategy: 'round_robin' },
    });
    const picks: string[] = [];
    for (let index = 0; index < 10_000; index += 1) picks.push(await serveOne(pool));
    expect(picks.slice(0, 6)).toEqual(['a1', 'a2', 'a3', 'a1', 'a2', 'a3']);
    const counts = countBy(picks);
    expect(counts).toEqual({ a1: 3334, a2: 3333, a3: 3333 });
  });

  it('skips an ineligible account without disturbing the rotation of the others', async () => {
    const { pool } = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
      settings: { strategy: 'round_robin' },
    });
    expect([await serveOne(pool), await serveOne(pool)]).toEqual(['a1', 'a2']);
    pool.upsertAccount(account('a3', { enabled: false }));
    expect([await serveOne(pool), await serveOne(pool), await serveOne(pool)]).toEqual([
      'a4',
      'a1',
      'a2',
    ]);
    pool.upsertAccount(account('a3'));
    expect([await serveOne(pool), await serveOne(pool)]).toEqual(['a3', 'a4']);
  });

  it('is a real rotation, not a usage-count approximation', async () => {
    const { pool, store } = await createHarness({
      accounts: [account('a1'), account('a2')],
      settings: { strategy: 'round_robin' },
    });
    // a2 has a large historical use count: a count-based "rotation" would starve it.
    store.put(account('a2'), { useCount: 500 });
    await pool.reload();
    const picks = [];
    for (let index = 0; index < 6; index += 1) picks.push(await serveOne(pool));
    expect(picks).toEqual(['a1', 'a2', 'a1', 'a2', 'a1', 'a2']);
  });
});
