import { describe, expect, it } from 'vitest';

import {
  account,
  createHarness,
  deferred,
  eventsOf,
  FakeUpstreamError,
} from '../../test/pool-harness';
import { RetryBudget } from './retry-budget';

describe('retry budget', () => {
  it('allows retries up to percent of active requests, with a floor', () => {
    const budget = new RetryBudget();
    const settings = { percent: 20, minRetryConcurrency: 3 };
    for (let index = 0; index < 30; index += 1) budget.requestStarted();
    expect(budget.limit(settings)).toBe(6);
    for (let index = 0; index < 6; index += 1) expect(budget.tryStartRetry(settings)).toBe(true);
    expect(budget.tryStartRetry(settings)).toBe(false);
    budget.retryEnded();
    expect(budget.tryStartRetry(settings)).toBe(true);
    for (let index = 0; index < 29; index += 1) budget.requestEnded();
    expect(budget.limit(settings)).toBe(3);
  });

  it('refuses a retry when the budget is spent and returns that request’s own failure', async () => {
    const harness = await createHarness({
      accounts: ['a1', 'a2', 'a3', 'a4'].map((id) => account(id)),
      settings: { retryBudget: { percent: 0, minRetryConcurrency: 1 } },
    });
    const held = deferred<string>();
    // Request A: first attempt fails, its retry hangs (holding the only retry in the budget).
    const runA = harness.pool.run({
      attempt: ({ attempt }) =>
        attempt === 1 ? Promise.reject(new FakeUpstreamError('upstream_5xx')) : held.promise,
    });
    await harness.clock.advance(0);
    expect(harness.pool.stats().retryBudget.retriesInFlight).toBe(1);
    // Request B fails once too: no retry left.
    const failureB = new FakeUpstreamError('throttled');
    await expect(harness.pool.run({ attempt: () => Promise.reject(failureB) })).rejects.toBe(
      failureB,
    );
    expect(eventsOf(harness.events, 'retry_budget_exhausted')).toHaveLength(1);
    held.resolve('served');
    const resultA = await runA;
    expect(resultA).toMatchObject({ value: 'served', attempts: 2 });
    resultA.lease.succeed();
    expect(harness.pool.stats().retryBudget).toMatchObject({
      retriesInFlight: 0,
      activeRequests: 0,
    });
  });
});
