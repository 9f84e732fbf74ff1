import { z } from 'zod';

const num = z
  .number()
  .nullish()
  .transform((value) => value ?? undefined);
const str = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

const freeTrialSchema = z.looseObject({
  freeTrialStatus: str,
  freeTrialExpiry: num,
  currentUsage: num,
  currentUsageWithPrecision: num,
  usageLimit: num,
  usageLimitWithPrecision: num,
});

const bonusSchema = z.looseObject({
  bonusCode: str,
  displayName: str,
  status: str,
  currentUsage: num,
  usageLimit: num,
  expiresAt: z.union([z.number(), z.string()]).nullish(),
});

const breakdownSchema = z.looseObject({
  resourceType: str,
  unit: str,
  currency: str,
  currentUsage: num,
  currentUsageWithPrecision: num,
  usageLimit: num,
  usageLimitWithPrecision: num,
  currentOverages: num,
  currentOveragesWithPrecision: num,
  overageCap: num,
  overageCapWithPrecision: num,
  overageRate: num,
  overageCharges: num,
  nextDateReset: num,
  freeTrialInfo: freeTrialSchema.nullish(),
  bonuses: z.array(bonusSchema).nullish(),
});

/** `getUsageLimits` response, validated leniently (Kiro adds fields over time). */
export const usageLimitsResponseSchema = z.looseObject({
  daysUntilReset: num,
  nextDateReset: num,
  usageBreakdownList: z.array(breakdownSchema).nullish(),
  subscriptionInfo: z
    .looseObject({
      type: str,
      subscriptionTitle: str,
      upgradeCapability: str,
      overageCapability: str,
    })
    .nullish(),
  overageConfiguration: z.looseObject({ overageStatus: str }).nullish(),
  userInfo: z.looseObject({ userId: str, email: str }).nullish(),
});

export type KiroPlan = 'FREE' | 'PRO' | 'PRO_PLUS' | 'POWER' | 'UNKNOWN';

export interface KiroBonus {
  code: string | undefined;
  name: string | undefined;
  used: number;
  limit: number;
  expiresAt: Date | undefined;
}

/** One pot of credits an account draws from, as the admin sees it. */
export interface KiroCreditPool {
  kind: 'base' | 'free-trial' | 'bonus' | 'overage';
  /** Kiro's own name: the plan title, the bonus's display name, "Free trial", "Overage". */
  name: string;
  used: number;
  /** For `overage`: the cap. */
  limit: number;
  /** When it refills (the base allowance and overage, monthly). */
  resetsAt: Date | undefined;
  /** When it ends for good (a free trial, a bonus). */
  expiresAt: Date | undefined;
  /** Kiro's status, lower case: `active`, `expired`, `disabled` (overage off)… */
  status: string;
}

/** An account's credit usage, with the totals a pool needs. */
export interface KiroUsageLimits {
  plan: KiroPlan;
  /** Kiro's subscription type, e.g. `Q_DEVELOPER_STANDALONE_PRO`. */
  subscriptionType: string | undefined;
  subscriptionTitle: string | undefined;
  /** Credits used and available this period, including an active free trial and active bonuses. */
  used: number;
  limit: number;
  remaining: number;
  /** 0–100, not rounded. */
  percentUsed: number;
  /** Base plan only (without trial and bonuses). */
  base: { used: number; limit: number };
  freeTrial:
    { active: boolean; used: number; limit: number; expiresAt: Date | undefined } | undefined;
  /** Active bonuses. */
  bonuses: KiroBonus[];
  /** Every pot of credits, active or not: base, free trial, each bonus, overage. */
  pools: KiroCreditPool[];
  overages: {
    enabled: boolean;
    used: number;
    cap: number;
    rate: number | undefined;
    charges: number | undefined;
  };
  /** When credits reset. */
  resetAt: Date | undefined;
  daysUntilReset: number | undefined;
  unit: string | undefined;
  email: string | undefined;
  userId: string | undefined;
}

function planOf(type: string | undefined): KiroPlan {
  const upper = (type ?? '').toUpperCase();
  if (upper.includes('FREE')) return 'FREE';
  if (upper.includes('PRO_PLUS')) return 'PRO_PLUS';
  if (upper.includes('POWER')) return 'POWER';
  if (upper.includes('PRO')) return 'PRO';
  return 'UNKNOWN';
}

function dateOf(value: number | string | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = typeof value === 'number' ? value * 1000 : Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** Turns a parsed `getUsageLimits` body into totals: base + active trial + active bonuses. */
export function toKiroUsageLimits(
  data: z.infer<typeof usageLimitsResponseSchema>,
): KiroUsageLimits {
  const list = data.usageBreakdownList ?? [];
  const credit = list.find((item) => item.resourceType === 'CREDIT') ?? list[0];
  const baseUsed = credit?.currentUsageWithPrecision ?? credit?.currentUsage ?? 0;
  const baseLimit = credit?.usageLimitWithPrecision ?? credit?.usageLimit ?? 0;
  const trialInfo = credit?.freeTrialInfo ?? undefined;
  const freeTrial =
    trialInfo === undefined
      ? undefined
      : {
          active: trialInfo.freeTrialStatus === 'ACTIVE',
          used: trialInfo.currentUsageWithPrecision ?? trialInfo.currentUsage ?? 0,
          limit: trialInfo.usageLimitWithPrecision ?? trialInfo.usageLimit ?? 0,
          expiresAt: dateOf(trialInfo.freeTrialExpiry),
        };
  const bonuses: KiroBonus[] = (credit?.bonuses ?? [])
    .filter((bonus) => (bonus.status ?? 'ACTIVE').toUpperCase() === 'ACTIVE')
    .map((bonus) => ({
      code: bonus.bonusCode,
      name: bonus.displayName,
      used: bonus.currentUsage ?? 0,
      limit: bonus.usageLimit ?? 0,
      expiresAt: dateOf(bonus.expiresAt),
    }));
  const resetAt = dateOf(data.nextDateReset ?? credit?.nextDateReset);
  const overages = {
    enabled: data.overageConfiguration?.overageStatus === 'ENABLED',
    used: credit?.currentOveragesWithPrecision ?? credit?.currentOverages ?? 0,
    cap: credit?.overageCapWithPrecision ?? credit?.overageCap ?? 0,
    rate: credit?.overageRate,
    charges: credit?.overageCharges,
  };
  const pools: KiroCreditPool[] = [
    {
      kind: 'base',
      name: data.subscriptionInfo?.subscriptionTitle ?? planOf(data.subscriptionInfo?.type),
      used: baseUsed,
      limit: baseLimit,
      resetsAt: resetAt,
      expiresAt: undefined,
      status: 'active',
    },
  ];
  if (trialInfo !== undefined && freeTrial !== undefined) {
    pools.push({
      kind: 'free-trial',
      name: 'Free trial',
      used: freeTrial.used,
      limit: freeTrial.limit,
      resetsAt: undefined,
      expiresAt: freeTrial.expiresAt,
      status: (trialInfo.freeTrialStatus ?? 'unknown').toLowerCase(),
    });
  }
  for (const bonus of credit?.bonuses ?? []) {
    pools.push({
      kind: 'bonus',
      name: bonus.displayName ?? bonus.bonusCode ?? 'Bonus',
      used: bonus.currentUsage ?? 0,
      limit: bonus.usageLimit ?? 0,
      resetsAt: undefined,
      expiresAt: dateOf(bonus.expiresAt),
      status: (bonus.status ?? 'active').toLowerCase(),
    });
  }
  if (overages.enabled || overages.used > 0) {
    pools.push({
      kind: 'overage',
      name: 'Overage',
      used: overages.used,
      limit: overages.cap,
      resetsAt: resetAt,
      expiresAt: undefined,
      status: overages.enabled ? 'active' : 'disabled',
    });
  }
  const trialUsed = freeTrial?.active ? freeTrial.used : 0;
  const trialLimit = freeTrial?.active ? freeTrial.limit : 0;
  const used = baseUsed + trialUsed + bonuses.reduce((sum, bonus) => sum + bonus.used, 0);
  const limit = baseLimit + trialLimit + bonuses.reduce((sum, bonus) => sum + bonus.limit, 0);
  return {
    plan: planOf(data.subscriptionInfo?.type),
    subscriptionType: data.subscriptionInfo?.type,
    subscriptionTitle: data.subscriptionInfo?.subscriptionTitle,
    used,
    limit,
    remaining: Math.max(0, limit - used),
    percentUsed: limit > 0 ? (used / limit) * 100 : 0,
    base: { used: baseUsed, limit: baseLimit },
    freeTrial,
    bonuses,
    pools,
    overages,
    resetAt,
    daysUntilReset: data.daysUntilReset,
    unit: credit?.unit,
    email: data.userInfo?.email,
    userId: data.userInfo?.userId,
  };
}
