import { PromptTooLongError } from '@octoproxy/converters/errors';
import { describe, expect, it } from 'vitest';

import {
  account,
  createHarness,
  eventsOf,
  failOn,
  FakeUpstreamError,
  hangUntilAborted,
  serveOne,
} from '../../test/pool-harness';
import { DeadlineExceededError } from '../errors/deadline-exceeded-error';
import { NoEligibleAccountError } from '../errors/no-eligible-account-error';
import { RequestAbortedError } from '../errors/request-aborted-error';

const threeAccounts = () => ['a1', 'a2', 'a3'].map((id) => account(id));

describe('failover before the commit point', () => {
  it.each([
    ['throttled', 'cooling_down'],
    ['quota_exhausted', 'quota_exhausted'],
    ['suspended', 'quarantined'],
    ['suspicious_activity', 'quarantined'],
    ['refresh_revoked', 'unhealthy'],
    ['refresh_failed', 'unhealthy'],
    ['token_expired', 'unhealthy'],
  ])('moves on after %s and takes the account out (%s)', async (reason, unavailable) => {
    const { pool } = await createHarness({ accounts: threeAccounts() });
    const result = await pool.run({ attempt: failOn({ a1: new FakeUpstreamError(reason) }) });
    result.lease.succeed();
    expect(result).toMatchObject({ value: 'a2', attempts: 2 });
    expect(pool.account('a1')?.unavailable?.reason).toBe(unavailable);
    expect(pool.account('a1')?.state.lastError).toMatchObject({ reason });
    expect(pool.account('a1')?.inFlight).toBe(0);
  });

  it.each(['upstream_5xx', 'network', 'first_byte_timeout'])(
    'moves on after %s without ejecting on the first failure',
    async (reason) => {
      const { pool } = await createHarness({ accounts: threeAccounts() });
      const result = await pool.run({ attempt: failOn({ a1: new FakeUpstreamError(reason) }) });
      result.lease.succeed();
      expect(result.value).toBe('a2');
      expect(pool.account('a1')?.unavailable).toBeNull();
      expect(pool.account('a1')?.state.consecutiveFailures).toBe(1);
    },
  );

  it('moves on after a model capacity error without blaming the account', async () => {
    const { pool } = await createHarness({ accounts: threeAccounts() });
    const overloaded = Object.assign(new Error('busy'), { reason: 'model_overloaded' });
    const result = await pool.run({ attempt: failOn({ a1: overloaded }) });
    expect(result.value).toBe('a2');
    expect(pool.account('a1')?.state).toMatchObject({ consecutiveFailures: 0, cooldown: null });
  });

  it.each([
    ['malformed_request', new FakeUpstreamError('malformed_request')],
    ['context_too_long', new FakeUpstreamError('context_too_long')],
    ['prompt too long', new PromptTooLongError({ promptTokens: 300_000, maxTokens: 200_000 })],
    ['a bug of ours', new TypeError('x is not a function')],
  ])('returns a client or gateway error (%s) at once, blaming no account', async (_, error) => {
    const { pool, events } = await createHarness({ accounts: threeAccounts() });
    let attempts = 0;
    await expect(
      pool.run({
        attempt: () => {
          attempts += 1;
          return Promise.reject(error);
        },
      }),
    ).rejects.toBe(error);
    expect(attempts).toBe(1);
    const a1 = pool.account('a1');
    expect(a1?.state).toMatchObject({ consecutiveFailures: 0, lastError: null, cooldown: null });
    expect(a1?.inFlight).toBe(0);
    expect(eventsOf(events, 'request_failed')).toHaveLength(1);
  });

  it('treats Node network error codes as transient', async () => {
    const { pool } = await createHarness({ accounts: threeAccounts() });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const result = await pool.run({ attempt: failOn({ a1: reset }) });
    expect(result.value).toBe('a2');
    expect(pool.account('a1')?.state.lastError).toMatchObject({ reason: 'network' });
  });

  it('tries an account again when no untried one is left and its failure did not take it out', async () => {
    const { pool } = await createHarness({ accounts: [account('a1'), account('a2')] });
    const tried: string[] = [];
    const result = await pool.run({
      attempt: ({ account: chosen, attempt }) => {
        tried.push(chosen.id);
        if (attempt === 1) return Promise.reject(new FakeUpstreamError('network'));
        if (attempt === 2) return Promise.reject(new FakeUpstreamError('throttled'));
        return Promise.resolve(chosen.id);
      },
    });
    // a1 failed with a blip (still eligible), a2 was rate limited (cooling down): a1 again.
    expect(tried).toEqual(['a1', 'a2', 'a1']);
    expect(result).toMatchObject({ value: 'a1', attempts: 3 });
  });

  it('stops after maxAttempts and returns the last failure', async () => {
    const { pool, events } = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => account(id)),
      settings: { maxAttempts: 3 },
    });
    const tried: string[] = [];
    const failure = new FakeUpstreamError('upstream_5xx');
    await expect(
      pool.run({
        attempt: ({ account: chosen }) => {
          tried.push(chosen.id);
          return Promise.reject(failure);
        },
      }),
    ).rejects.toBe(failure);
    expect(tried).toEqual(['a1', 'a2', 'a3']);
    expect(eventsOf(events, 'attempt_failed').map((event) => event.willRetry)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('reports "all cooling down" with Retry-After = the soonest cooldown when every account failed', async () => {
    const { pool, clock } = await createHarness({ accounts: [account('a1'), account('a2')] });
    const error = await pool
      .run({
        attempt: failOn({
          a1: new FakeUpstreamError('throttled', { retryAfterSeconds: 40 }),
          a2: new FakeUpstreamError('throttled', { retryAfterSeconds: 25 }),
        }),
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NoEligibleAccountError);
    const noEligible = error as NoEligibleAccountError;
    expect(noEligible).toMatchObject({
      kind: 'overloaded',
      reason: 'all_cooling_down',
      retryAfterSeconds: 25,
      availableAt: clock.now() + 25_000,
    });
    expect(noEligible.message).toContain('cooling down');
    expect(noEligible.message).toContain(new Date(clock.now() + 25_000).toISOString());
    expect(noEligible.cause).toBeInstanceOf(FakeUpstreamError);
  });

  it('fails within the deadline without blaming the account that was cut off', async () => {
    const { pool, clock } = await createHarness({ accounts: threeAccounts() });
    const run = pool.run({
      deadline: clock.now() + 5_000,
      attempt: ({ signal }) => hangUntilAborted(signal),
    });
    const outcome = run.catch((caught: unknown) => caught);
    await clock.advance(5_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error).toMatchObject({ kind: 'timeout', code: 'deadline_exceeded' });
    expect(pool.account('a1')?.state).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(pool.stats().inFlight).toBe(0);
  });

  it('hands a value that arrives after the deadline to discard, never to the caller', async () => {
    const { pool, clock } = await createHarness({ accounts: [account('a1')] });
    const discarded: string[] = [];
    let release!: (value: string) => void;
    const run = pool.run({
      deadline: clock.now() + 1_000,
      attempt: () => new Promise<string>((resolve) => (release = resolve)),
      discard: (value) => discarded.push(value),
    });
    const outcome = run.catch((caught: unknown) => caught);
    await clock.advance(1_000);
    expect(await outcome).toBeInstanceOf(DeadlineExceededError);
    release('late stream');
    await clock.advance(0);
    expect(discarded).toEqual(['late stream']);
  });

  it('moves on when an attempt produces no first event within attemptTimeoutMs', async () => {
    const { pool, clock } = await createHarness({
      accounts: threeAccounts(),
      settings: { attemptTimeoutMs: 2_000 },
    });
    const run = pool.run({
      attempt: ({ account: chosen, signal }) =>
        chosen.id === 'a1' ? hangUntilAborted(signal) : Promise.resolve(chosen.id),
    });
    await clock.advance(2_000);
    const result = await run;
    expect(result.value).toBe('a2');
    expect(pool.account('a1')?.state.lastError).toMatchObject({
      failureClass: 'transient',
      reason: 'first_byte_timeout',
    });
  });

  it('ends at once on client abort, blaming no account and releasing the slot', async () => {
    const { pool } = await createHarness({ accounts: threeAccounts() });
    const controller = new AbortController();
    const run = pool.run({
      signal: controller.signal,
      attempt: ({ signal }) => hangUntilAborted(signal),
    });
    const outcome = run.catch((caught: unknown) => caught);
    await Promise.resolve();
    controller.abort(new Error('client went away'));
    expect(await outcome).toBeInstanceOf(RequestAbortedError);
    expect(pool.account('a1')?.state).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(pool.stats().inFlight).toBe(0);
    await expect(
      pool.run({ signal: controller.signal, attempt: () => Promise.resolve('never') }),
    ).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('pauses with full jitter before retrying after a transient failure', async () => {
    const { pool, clock } = await createHarness({
      accounts: threeAccounts(),
      settings: { retryBackoff: { baseMs: 200, capMs: 2_000 } },
    });
    const startedAt = clock.now();
    const attemptTimes: number[] = [];
    const run = pool.run({
      attempt: ({ account: chosen }) => {
        attemptTimes.push(clock.now() - startedAt);
        return chosen.id === 'a3'
          ? Promise.resolve(chosen.id)
          : Promise.reject(new FakeUpstreamError('upstream_5xx'));
      },
    });
    const result = await clock.settle(run);
    expect(result.value).toBe('a3');
    expect(attemptTimes[0]).toBe(0);
    expect((attemptTimes[1] ?? 0) - (attemptTimes[0] ?? 0)).toBeLessThan(200);
    expect((attemptTimes[2] ?? 0) - (attemptTimes[1] ?? 0)).toBeLessThan(400);
  });

  it('records a committed request and its account selection as events', async () => {
    const { pool, events } = await createHarness({ accounts: threeAccounts() });
    expect(await serveOne(pool)).toBe('a1');
    expect(eventsOf(events, 'account_selected')[0]).toMatchObject({ accountId: 'a1', attempt: 1 });
    expect(eventsOf(events, 'request_committed')[0]).toMatchObject({
      accountId: 'a1',
      attempts: 1,
    });
    expect(eventsOf(events, 'lease_settled')[0]).toMatchObject({ outcome: 'succeeded' });
  });
});
