import { OctoProxyError } from '@octoproxy/converters/errors';
import { describe, expect, it } from 'vitest';

import { account, createFakeUpstream, createHarness, failOn } from '../../test/pool-harness';
import type { AttemptReport } from '../failover/run-attempt';
import type { AccountState } from './account-state';

const minute = 60_000;
const hour = 60 * minute;

/**
 * Shaped exactly like the Kiro client's errors for an account whose settings cannot work: fault
 * `account`, kind `upstream`, and the reason the pool reads first.
 */
function misconfigured(reason: 'wrong_region' | 'invalid_profile' | 'unknown_host'): Error {
  const messages = {
    wrong_region: 'The upstream account belongs to another API region.',
    invalid_profile: 'The upstream account has no valid profile ARN.',
    unknown_host:
      "The account's API region us-east-2 has no Kiro API host: q.us-east-2.amazonaws.com does not resolve.",
  };
  return Object.assign(
    new OctoProxyError({
      kind: 'upstream',
      fault: 'account',
      code: `kiro_${reason}`,
      message: messages[reason],
    }),
    { reason },
  );
}

const reasons = ['wrong_region', 'invalid_profile', 'unknown_host'] as const;

describe('an account whose region or profile cannot work', () => {
  it.each(reasons)(
    '%s: the request moves on, the account is unhealthy at once and stored so, never cooled down',
    async (reason) => {
      const { pool, store } = await createHarness({ accounts: [account('a1'), account('a2')] });
      const attempts: AttemptReport[] = [];
      const result = await pool.run({
        attempt: failOn({ a1: misconfigured(reason) }),
        onAttempt: (report) => attempts.push(report),
      });
      result.lease.succeed();
      expect(result.value).toBe('a2');
      const state = pool.account('a1')?.state;
      expect(state).toMatchObject({
        health: 'unhealthy',
        healthReason: reason,
        quarantine: null,
        cooldown: null,
        errorCount: 1,
        lastError: { reason, failureClass: 'misconfigured' },
      });
      expect(pool.account('a1')?.unavailable?.reason).toBe('unhealthy');
      // Written at once, not after the coalescing delay: the clock has not moved.
      await Promise.resolve();
      expect(store.stateOf('a1')).toMatchObject({ health: 'unhealthy', healthReason: reason });
      expect(attempts).toEqual([
        {
          accountId: 'a1',
          label: 'Account a1',
          attempt: 1,
          outcome: 'misconfigured',
          reason,
          message: misconfigured(reason).message,
          durationMs: 0,
        },
        {
          accountId: 'a2',
          label: 'Account a2',
          attempt: 2,
          outcome: 'success',
          reason: null,
          message: null,
          durationMs: 0,
        },
      ]);
    },
  );

  it.each(reasons)(
    '%s: a day of failing health checks and probes never quarantines the account',
    async (reason) => {
      const upstream = createFakeUpstream();
      upstream.failures.set('fetchUsage:a1', misconfigured(reason));
      const { pool, clock } = await createHarness({
        accounts: [account('a1'), account('a2')],
        upstream,
      });
      await pool.start();
      await clock.advance(0);
      // The first health check already says so.
      expect(pool.account('a1')?.state).toMatchObject({
        health: 'unhealthy',
        healthReason: reason,
        errorCount: 1,
      });
      const seen = new Set<string>();
      for (let elapsed = 0; elapsed < 24 * hour; elapsed += 15 * minute) {
        await clock.advance(15 * minute);
        const state = pool.account('a1')?.state as AccountState;
        seen.add(state.health);
        expect(state.quarantine).toBeNull();
        expect(state.cooldown).toBeNull();
      }
      expect([...seen]).toEqual(['unhealthy']);
      expect(pool.account('a1')?.state.lastError).toMatchObject({ reason });
      await pool.stop();

      // Fixed (e.g. the admin set the right API region): the next probe brings it back.
      upstream.failures.delete('fetchUsage:a1');
      await pool.checkAccount('a1');
      expect(pool.account('a1')?.state.health).toBe('recovering');
    },
  );

  it('counts every failure against the account, not only the transient ones', async () => {
    const { pool } = await createHarness({ accounts: [account('a1'), account('a2')] });
    const throttled = Object.assign(
      new OctoProxyError({ kind: 'rate_limit', fault: 'account', code: 'x', message: 'slow' }),
      { reason: 'throttled' },
    );
    (await pool.run({ attempt: failOn({ a1: throttled }) })).lease.succeed();
    expect(pool.account('a1')?.state).toMatchObject({ errorCount: 1, consecutiveFailures: 0 });
  });
});

describe('an admin health check', () => {
  it('refreshes even a valid token when asked, so a revoked refresh token shows at once', async () => {
    const upstream = createFakeUpstream();
    const asked: number[] = [];
    upstream.refreshToken = (_account, { minValidityMs }) => {
      asked.push(minValidityMs);
      if (minValidityMs === Number.POSITIVE_INFINITY) {
        return Promise.reject(
          Object.assign(new Error('The refresh token was revoked.'), { reason: 'refresh_revoked' }),
        );
      }
      return Promise.resolve({ refreshed: false, expiresAt: null });
    };
    const { pool } = await createHarness({ accounts: [account('a1')], upstream });
    await pool.checkAccount('a1');
    expect(pool.account('a1')?.state.health).toBe('healthy');
    await pool.checkAccount('a1', { refreshToken: true });
    expect(pool.account('a1')?.state).toMatchObject({
      health: 'unhealthy',
      healthReason: 'refresh_revoked',
      quarantine: null,
    });
    expect(asked).toEqual([10 * minute, Number.POSITIVE_INFINITY]);

    // Its recovery probes refresh too, so a still-valid access token does not bring it back.
    await pool.checkAccount('a1');
    expect(asked.at(-1)).toBe(Number.POSITIVE_INFINITY);
    expect(pool.account('a1')?.state).toMatchObject({
      health: 'unhealthy',
      healthReason: 'refresh_revoked',
    });
  });
});
