export type Plan = 'FREE' | 'PRO' | 'PRO_PLUS' | 'POWER';

export const plans: readonly Plan[] = ['FREE', 'PRO', 'PRO_PLUS', 'POWER'];

/** The `subscriptionInfo` object of `getUsageLimits` (kiro-protocol.md §6.2). */
export interface SubscriptionInfo {
  type: string;
  subscriptionTitle: string;
  upgradeCapability: 'UPGRADE_CAPABLE' | 'UPGRADE_INCAPABLE';
  overageCapability: 'OVERAGE_CAPABLE' | 'OVERAGE_INCAPABLE';
  subscriptionManagementTarget: 'MANAGE' | 'PURCHASE';
}

interface PlanFacts {
  /** Monthly credits of the plan's base allowance. */
  monthlyCredits: number;
  subscription: SubscriptionInfo;
}

const planFacts: Record<Plan, PlanFacts> = {
  FREE: {
    monthlyCredits: 50,
    subscription: {
      type: 'Q_DEVELOPER_STANDALONE_FREE',
      subscriptionTitle: 'KIRO FREE',
      upgradeCapability: 'UPGRADE_CAPABLE',
      overageCapability: 'OVERAGE_INCAPABLE',
      subscriptionManagementTarget: 'PURCHASE',
    },
  },
  PRO: {
    monthlyCredits: 1000,
    subscription: {
      type: 'Q_DEVELOPER_STANDALONE_PRO',
      subscriptionTitle: 'KIRO PRO',
      upgradeCapability: 'UPGRADE_CAPABLE',
      overageCapability: 'OVERAGE_CAPABLE',
      subscriptionManagementTarget: 'MANAGE',
    },
  },
  PRO_PLUS: {
    monthlyCredits: 2000,
    subscription: {
      type: 'Q_DEVELOPER_STANDALONE_PRO_PLUS',
      subscriptionTitle: 'KIRO PRO+',
      upgradeCapability: 'UPGRADE_CAPABLE',
      overageCapability: 'OVERAGE_CAPABLE',
      subscriptionManagementTarget: 'MANAGE',
    },
  },
  POWER: {
    monthlyCredits: 10000,
    subscription: {
      type: 'Q_DEVELOPER_STANDALONE_POWER',
      subscriptionTitle: 'KIRO POWER',
      upgradeCapability: 'UPGRADE_INCAPABLE',
      overageCapability: 'OVERAGE_CAPABLE',
      subscriptionManagementTarget: 'MANAGE',
    },
  },
};

export function monthlyCreditsOf(plan: Plan): number {
  return planFacts[plan].monthlyCredits;
}

export function subscriptionInfoOf(plan: Plan): SubscriptionInfo {
  return { ...planFacts[plan].subscription };
}
