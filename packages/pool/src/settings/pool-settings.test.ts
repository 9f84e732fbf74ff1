import { describe, expect, it } from 'vitest';

import { account, createHarness, serveOne } from '../../test/pool-harness';
import { InvalidSettingsError } from '../errors/invalid-settings-error';
import { defaultPoolSettings, resolvePoolSettings } from './pool-settings';

describe('pool settings', () => {
  it('has documented defaults', () => {
    expect(defaultPoolSettings).toMatchObject({
      strategy: 'lru',
      maxAttempts: 3,
      maxErrorCount: 3,
      retryBudget: { percent: 20, minRetryConcurrency: 3 },
      healthCheck: { intervalMinutes: 10 },
      usageSync: { intervalMinutes: 10 },
      sticky: { ttlMinutes: 60 },
    });
  });

  it('merges a deep partial update over the current settings', () => {
    const next = resolvePoolSettings({ sticky: { ttlMinutes: 5 } }, defaultPoolSettings);
    expect(next.sticky).toEqual({ ...defaultPoolSettings.sticky, ttlMinutes: 5 });
    expect(next.maxAttempts).toBe(3);
  });

  it('rejects invalid values with a clear error and keeps the settings in force', async () => {
    const { pool } = await createHarness({ accounts: [account('a1')] });
    expect(() => pool.updateSettings({ maxAttempts: 0 })).toThrow(InvalidSettingsError);
    expect(() => pool.updateSettings({ strategy: 'random' as never })).toThrow(/strategy/);
    expect(pool.settings.maxAttempts).toBe(3);
  });

  it('switches the strategy at run time', async () => {
    const { pool } = await createHarness({
      accounts: [account('a1', { createdAt: 1 }), account('a2', { createdAt: 2 })],
    });
    expect([await serveOne(pool), await serveOne(pool)]).toEqual(['a1', 'a2']);
    pool.updateSettings({ strategy: 'oldest_first' });
    expect([await serveOne(pool), await serveOne(pool)]).toEqual(['a1', 'a1']);
    expect(pool.stats().strategy).toBe('oldest_first');
  });
});
