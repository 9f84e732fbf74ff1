import { describe, expect, it } from 'vitest';

import { account, countBy, createHarness, serveOne } from '../../test/pool-harness';

describe('weighted strategy', () => {
  it('gives each account exactly its share of 10 000 picks, interleaved', async () => {
    const { pool } = await createHarness({
      accounts: [
        account('a1', { weight: 1 }),
        account('a2', { weight: 2 }),
        account('a3', { weight: 3 }),
        account('a4', { weight: 4 }),
      ],
      settings: { strategy: 'weighted' },
    });
    const picks: string[] = [];
    for (let index = 0; index < 10_000; index += 1) picks.push(await serveOne(pool));
    expect(countBy(picks)).toEqual({ a1: 1000, a2: 2000, a3: 3000, a4: 4000 });
    // Smooth: every window of Σweights = 10 picks holds each account exactly `weight` times.
    for (let start = 0; start < picks.length; start += 10) {
      expect(countBy(picks.slice(start, start + 10))).toEqual({ a1: 1, a2: 2, a3: 3, a4: 4 });
    }
    // And the heaviest account never runs more than twice in a row.
    let run = 0;
    for (let index = 1; index < picks.length; index += 1) {
      run = picks[index] === picks[index - 1] ? run + 1 : 0;
      expect(run).toBeLessThan(2);
    }
  });

  it('leaves weight-0 accounts out while another account can serve', async () => {
    const { pool } = await createHarness({
      accounts: [account('a1', { weight: 0 }), account('a2', { weight: 1 })],
      settings: { strategy: 'weighted' },
    });
    const picks: string[] = [];
    for (let index = 0; index < 100; index += 1) picks.push(await serveOne(pool));
    expect(countBy(picks)).toEqual({ a2: 100 });
    pool.upsertAccount(account('a2', { enabled: false }));
    expect(await serveOne(pool)).toBe('a1');
  });
});
