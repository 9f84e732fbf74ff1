import { describe, expect, it } from 'vitest';

import { account, countBy, createHarness, serveOne } from '../../test/pool-harness';

describe('oldest_first strategy', () => {
  it('sends every request to the oldest eligible account, then the next oldest', async () => {
    const { pool } = await createHarness({
      accounts: [
        account('a1', { createdAt: 3_000 }),
        account('a2', { createdAt: 1_000 }),
        account('a3', { createdAt: 2_000 }),
      ],
      settings: { strategy: 'oldest_first' },
    });
    const picks: string[] = [];
    for (let index = 0; index < 10_000; index += 1) picks.push(await serveOne(pool));
    expect(countBy(picks)).toEqual({ a2: 10_000 });
    pool.upsertAccount(account('a2', { createdAt: 1_000, enabled: false }));
    expect(await serveOne(pool)).toBe('a3');
  });
});
