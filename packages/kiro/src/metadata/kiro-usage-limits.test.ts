import { describe, expect, it } from 'vitest';

import { toKiroUsageLimits, usageLimitsResponseSchema } from './kiro-usage-limits';

function usage(body: unknown) {
  return toKiroUsageLimits(usageLimitsResponseSchema.parse(body));
}

describe('toKiroUsageLimits', () => {
  it('adds an active trial and active bonuses, with precision, and reads the plan', () => {
    const result = usage({
      daysUntilReset: 12,
      nextDateReset: 1767225600,
      subscriptionInfo: { type: 'Q_DEVELOPER_STANDALONE_PRO', subscriptionTitle: 'KIRO PRO' },
      overageConfiguration: { overageStatus: 'DISABLED' },
      usageBreakdownList: [
        {
          resourceType: 'CREDIT',
          unit: 'CREDIT',
          currentUsage: 412,
          currentUsageWithPrecision: 412.37,
          usageLimit: 1000,
          usageLimitWithPrecision: 1000.0,
          freeTrialInfo: {
            freeTrialStatus: 'ACTIVE',
            currentUsageWithPrecision: 106.11,
            usageLimitWithPrecision: 500,
          },
          bonuses: [
            {
              bonusCode: 'WELCOME',
              currentUsage: 12.5,
              usageLimit: 100,
              status: 'ACTIVE',
              expiresAt: 1767225600,
            },
            { bonusCode: 'OLD', currentUsage: 50, usageLimit: 50, status: 'EXPIRED' },
          ],
        },
      ],
      userInfo: { userId: 'd-1.abc', email: 'dev@example.com' },
    });
    expect(result).toMatchObject({
      plan: 'PRO',
      subscriptionTitle: 'KIRO PRO',
      base: { used: 412.37, limit: 1000 },
      freeTrial: { active: true, used: 106.11, limit: 500 },
      bonuses: [{ code: 'WELCOME', used: 12.5, limit: 100 }],
      limit: 1600,
      daysUntilReset: 12,
      email: 'dev@example.com',
    });
    expect(result.used).toBeCloseTo(530.98, 5);
    expect(result.resetAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('lists every credit pool with its own dates and status, under Kiro’s names', () => {
    const result = usage({
      nextDateReset: 1767225600,
      subscriptionInfo: { type: 'Q_DEVELOPER_STANDALONE_PRO_PLUS', subscriptionTitle: 'KIRO PRO+' },
      overageConfiguration: { overageStatus: 'ENABLED' },
      usageBreakdownList: [
        {
          resourceType: 'CREDIT',
          currentUsage: 2000,
          usageLimit: 2000,
          currentOveragesWithPrecision: 12.5,
          overageCap: 10000,
          freeTrialInfo: {
            freeTrialStatus: 'EXPIRED',
            freeTrialExpiry: 1764547200,
            currentUsage: 500,
            usageLimit: 500,
          },
          bonuses: [
            {
              bonusCode: 'LAUNCH',
              displayName: 'Launch bonus',
              currentUsage: 3,
              usageLimit: 250,
              status: 'ACTIVE',
              expiresAt: 1769904000,
            },
          ],
        },
      ],
    });
    expect(result.pools).toEqual([
      {
        kind: 'base',
        name: 'KIRO PRO+',
        used: 2000,
        limit: 2000,
        resetsAt: new Date('2026-01-01T00:00:00Z'),
        expiresAt: undefined,
        status: 'active',
      },
      {
        kind: 'free-trial',
        name: 'Free trial',
        used: 500,
        limit: 500,
        resetsAt: undefined,
        expiresAt: new Date('2025-12-01T00:00:00Z'),
        status: 'expired',
      },
      {
        kind: 'bonus',
        name: 'Launch bonus',
        used: 3,
        limit: 250,
        resetsAt: undefined,
        expiresAt: new Date('2026-02-01T00:00:00Z'),
        status: 'active',
      },
      {
        kind: 'overage',
        name: 'Overage',
        used: 12.5,
        limit: 10000,
        resetsAt: new Date('2026-01-01T00:00:00Z'),
        expiresAt: undefined,
        status: 'active',
      },
    ]);
  });

  it('ignores an expired trial and maps every plan', () => {
    const result = usage({
      subscriptionInfo: { type: 'Q_DEVELOPER_STANDALONE_FREE' },
      usageBreakdownList: [
        {
          resourceType: 'CREDIT',
          currentUsage: 50,
          usageLimit: 50,
          freeTrialInfo: { freeTrialStatus: 'EXPIRED', currentUsage: 500, usageLimit: 500 },
        },
      ],
    });
    expect(result).toMatchObject({
      plan: 'FREE',
      used: 50,
      limit: 50,
      remaining: 0,
      percentUsed: 100,
    });
    expect(usage({ subscriptionInfo: { type: 'Q_DEVELOPER_STANDALONE_PRO_PLUS' } }).plan).toBe(
      'PRO_PLUS',
    );
    expect(usage({ subscriptionInfo: { type: 'Q_DEVELOPER_STANDALONE_POWER' } }).plan).toBe(
      'POWER',
    );
    expect(usage({}).plan).toBe('UNKNOWN');
  });
});
