import { describe, expect, it } from 'vitest';

import { chargeCredits, nextMonthStart, remainingCredits, type UsageState } from './usage';

const now = Date.parse('2026-12-15T08:00:00Z');

function state(): UsageState {
  return {
    base: { usageLimit: 10, currentUsage: 0 },
    freeTrial: { usageLimit: 2, currentUsage: 0, expiresAt: now + 1000 },
    bonuses: [
      { bonusCode: 'B', displayName: 'B', usageLimit: 1, currentUsage: 0, expiresAt: now + 1000 },
    ],
    nextResetAt: nextMonthStart(now),
  };
}

describe('usage', () => {
  it('resets on the first of the next month, across a year end', () => {
    expect(new Date(nextMonthStart(now)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('drains the trial, then bonuses, then the allowance', () => {
    const usage = state();
    chargeCredits(usage, 2.5, now);
    expect([
      usage.freeTrial?.currentUsage,
      usage.bonuses[0]?.currentUsage,
      usage.base.currentUsage,
    ]).toEqual([2, 0.5, 0]);
    chargeCredits(usage, 1, now);
    expect(usage.bonuses[0]?.currentUsage).toBe(1);
    expect(usage.base.currentUsage).toBe(0.5);
    expect(remainingCredits(usage, now)).toBe(9.5);
  });

  it('ignores expired buckets and may overrun the allowance on the last request', () => {
    const usage = state();
    const later = now + 2000;
    expect(remainingCredits(usage, later)).toBe(10);
    chargeCredits(usage, 12, later);
    expect(usage.base.currentUsage).toBe(12);
    expect(remainingCredits(usage, later)).toBe(0);
  });
});
