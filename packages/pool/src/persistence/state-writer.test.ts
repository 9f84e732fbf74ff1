import { describe, expect, it } from 'vitest';

import {
  account,
  createHarness,
  eventsOf,
  failOn,
  FakeUpstreamError,
  serveOne,
} from '../../test/pool-harness';
import { createPool } from '../pool';

describe('state persistence', () => {
  it('writes changes off the request path, coalesced per account', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2')],
      settings: { persistDelayMs: 1_000 },
    });
    for (let index = 0; index < 10; index += 1) await serveOne(harness.pool);
    expect(harness.store.saves).toHaveLength(0);
    await harness.clock.advance(1_000);
    expect(harness.store.saves.map((save) => save.accountId).sort()).toEqual(['a1', 'a2']);
    expect(harness.store.stateOf('a1')).toMatchObject({ useCount: 5 });
  });

  it('keeps cooldowns and quarantines across a restart', async () => {
    const harness = await createHarness({
      accounts: [account('a1'), account('a2'), account('a3')],
    });
    const throttled = new FakeUpstreamError('throttled', { retryAfterSeconds: 120 });
    (await harness.pool.run({ attempt: failOn({ a1: throttled }) })).lease.succeed();
    (
      await harness.pool.run({ attempt: failOn({ a3: new FakeUpstreamError('suspended') }) })
    ).lease.succeed();
    await harness.pool.stop();

    const restarted = createPool({
      store: harness.store,
      upstream: harness.upstream,
      clock: harness.clock,
    });
    await restarted.reload();
    expect(restarted.account('a1')?.unavailable).toEqual({
      reason: 'cooling_down',
      until: harness.clock.now() + 120_000,
    });
    expect(restarted.account('a3')?.unavailable?.reason).toBe('quarantined');
    expect(await serveOne(restarted)).toBe('a2');
  });

  it('reads malformed stored state leniently instead of losing the account', async () => {
    const harness = await createHarness({ accounts: [account('a1')] });
    harness.store.put(account('a1'), {
      health: 'zombie',
      useCount: -4,
      cooldown: 'soon',
      usage: 7,
    });
    const pool = createPool({
      store: harness.store,
      upstream: harness.upstream,
      clock: harness.clock,
    });
    await pool.reload();
    expect(pool.account('a1')?.state).toMatchObject({
      health: 'healthy',
      useCount: 0,
      cooldown: null,
    });
    expect(await serveOne(pool)).toBe('a1');
  });

  it('reports a failed write and retries it with the next flush', async () => {
    const harness = await createHarness({ accounts: [account('a1')] });
    const save = harness.store.saveAccountState.bind(harness.store);
    let broken = true;
    harness.store.saveAccountState = (accountId, state) =>
      broken ? Promise.reject(new Error('disk full')) : save(accountId, state);
    await serveOne(harness.pool);
    await harness.pool.flush();
    expect(eventsOf(harness.events, 'persist_failed')).toMatchObject([
      { accountId: 'a1', message: 'disk full' },
    ]);
    broken = false;
    await harness.pool.flush();
    expect(harness.store.stateOf('a1')).toMatchObject({ useCount: 1 });
  });

  it('reload() picks up added, changed and removed accounts, keeping live state', async () => {
    const harness = await createHarness({ accounts: [account('a1'), account('a2')] });
    await serveOne(harness.pool);
    harness.store.delete('a2');
    harness.store.put(account('a3'));
    harness.store.put(account('a1', { label: 'Renamed' }), null);
    await harness.pool.reload();
    expect(harness.pool.accounts().map((snapshot) => snapshot.config.id)).toEqual(['a1', 'a3']);
    expect(harness.pool.account('a1')?.config.label).toBe('Renamed');
    expect(harness.pool.account('a1')?.state.useCount).toBe(1);
  });
});
