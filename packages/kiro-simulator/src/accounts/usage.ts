import { subscriptionInfoOf, type Plan } from './plans';

const dayMs = 86_400_000;

export interface CreditBucket {
  usageLimit: number;
  currentUsage: number;
}

export interface ExpiringBucket extends CreditBucket {
  expiresAt: number;
}

export interface BonusBucket extends ExpiringBucket {
  bonusCode: string;
  displayName: string;
}

/** An account's credits: the monthly allowance, an optional free trial and bonuses. */
export interface UsageState {
  base: CreditBucket;
  freeTrial: ExpiringBucket | undefined;
  bonuses: BonusBucket[];
  /** Epoch milliseconds of the next monthly reset of `base`. */
  nextResetAt: number;
}

/** Midnight UTC on the first day of the month after `now`. */
export function nextMonthStart(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Resets the monthly allowance once its reset date has passed. */
export function rollOverUsage(usage: UsageState, now: number): void {
  if (now < usage.nextResetAt) return;
  usage.base.currentUsage = 0;
  usage.nextResetAt = nextMonthStart(now);
}

function activeBuckets(usage: UsageState, now: number): CreditBucket[] {
  const expiring = [usage.freeTrial, ...usage.bonuses].filter(
    (bucket): bucket is ExpiringBucket => bucket !== undefined && now < bucket.expiresAt,
  );
  return [...expiring, usage.base];
}

export function remainingCredits(usage: UsageState, now: number): number {
  rollOverUsage(usage, now);
  return activeBuckets(usage, now).reduce(
    (sum, bucket) => sum + Math.max(0, bucket.usageLimit - bucket.currentUsage),
    0,
  );
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Charges credits, draining what expires first (trial, then bonuses) before the monthly allowance;
 * whatever is left lands on the allowance, which may then exceed its limit like a final request does.
 */
export function chargeCredits(usage: UsageState, credits: number, now: number): void {
  rollOverUsage(usage, now);
  let left = credits;
  for (const bucket of activeBuckets(usage, now)) {
    const take =
      bucket === usage.base ? left : Math.min(left, bucket.usageLimit - bucket.currentUsage);
    if (take <= 0) continue;
    bucket.currentUsage = round4(bucket.currentUsage + take);
    left -= take;
    if (left <= 0) break;
  }
}

export interface UsageLimitsSubject {
  plan: Plan;
  usage: UsageState;
  userId: string;
  email: string;
}

const toSeconds = (ms: number): number => Math.floor(ms / 1000);

/** The `getUsageLimits` response body in the shape of kiro-protocol.md §6.2. */
export function usageLimitsBody(
  subject: UsageLimitsSubject,
  options: { now: number; includeEmail: boolean },
): Record<string, unknown> {
  const { usage, plan } = subject;
  const { now } = options;
  rollOverUsage(usage, now);
  const subscriptionInfo = subscriptionInfoOf(plan);
  const overageCap = subscriptionInfo.overageCapability === 'OVERAGE_CAPABLE' ? 10_000 : 0;
  const nextDateReset = toSeconds(usage.nextResetAt);
  const breakdown: Record<string, unknown> = {
    resourceType: 'CREDIT',
    displayName: 'Credit',
    displayNamePlural: 'Credits',
    unit: 'CREDIT',
    currency: 'USD',
    currentUsage: Math.floor(usage.base.currentUsage),
    currentUsageWithPrecision: usage.base.currentUsage,
    usageLimit: Math.floor(usage.base.usageLimit),
    usageLimitWithPrecision: usage.base.usageLimit,
    currentOverages: 0,
    currentOveragesWithPrecision: 0,
    overageCap,
    overageCapWithPrecision: overageCap,
    overageRate: 0.04,
    overageCharges: 0,
    nextDateReset,
  };
  if (usage.freeTrial !== undefined) {
    const trial = usage.freeTrial;
    breakdown['freeTrialInfo'] = {
      freeTrialStatus: now < trial.expiresAt ? 'ACTIVE' : 'EXPIRED',
      freeTrialExpiry: toSeconds(trial.expiresAt),
      currentUsage: Math.floor(trial.currentUsage),
      currentUsageWithPrecision: trial.currentUsage,
      usageLimit: Math.floor(trial.usageLimit),
      usageLimitWithPrecision: trial.usageLimit,
    };
  }
  if (usage.bonuses.length > 0) {
    breakdown['bonuses'] = usage.bonuses.map((bonus) => ({
      bonusCode: bonus.bonusCode,
      displayName: bonus.displayName,
      currentUsage: bonus.currentUsage,
      usageLimit: bonus.usageLimit,
      expiresAt: toSeconds(bonus.expiresAt),
      status: now < bonus.expiresAt ? 'ACTIVE' : 'EXPIRED',
    }));
  }
  return {
    daysUntilReset: Math.max(0, Math.ceil((usage.nextResetAt - now) / dayMs)),
    nextDateReset,
    limits: [],
    overageConfiguration: { overageStatus: 'DISABLED' },
    subscriptionInfo,
    usageBreakdownList: [breakdown],
    userInfo: options.includeEmail
      ? { userId: subject.userId, email: subject.email }
      : { userId: subject.userId },
  };
}
