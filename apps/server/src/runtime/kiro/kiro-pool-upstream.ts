import type { KiroClient, KiroUsageLimits } from '@octoproxy/kiro';
import type { PoolUpstream, UsageReport } from '@octoproxy/pool';

import type { StoredKiroAccounts } from './stored-kiro-accounts';
import type { StoredUsageDetail } from '../../accounts/stored-usage-detail';

/** The pool's health and upkeep calls on the Kiro client: token refresh, usage and entitlements. */
export function kiroPoolUpstream(options: {
  kiro: KiroClient;
  accounts: StoredKiroAccounts;
}): PoolUpstream {
  const { kiro, accounts } = options;
  return {
    async refreshToken(ref, { minValidityMs, signal }) {
      const account = await accounts.load(ref.id);
      const before = kiro.tokens.credentialsOf(account).accessToken;
      const expiry = (value: string | undefined) => (value ? Date.parse(value) : Number.NaN);
      const current = kiro.tokens.credentialsOf(account);
      const due = !(expiry(current.expiresAt) - Date.now() > minValidityMs) || !current.accessToken;
      const token =
        due && before
          ? await kiro.tokens.forceRefresh(account, { rejectedToken: before, signal })
          : await kiro.ensureFreshToken({ account, signal });
      const after = kiro.tokens.credentialsOf(account);
      const expiresAt = expiry(after.expiresAt);
      return {
        refreshed: token !== before,
        expiresAt: Number.isFinite(expiresAt) ? expiresAt : null,
      };
    },
    async fetchUsage(ref, { signal }): Promise<UsageReport> {
      const account = await accounts.load(ref.id);
      const [usage, models] = await Promise.all([
        kiro.getUsageLimits({ account, signal }),
        kiro.listAvailableModels({ account, signal }),
      ]);
      return {
        used: usage.used,
        limit: usage.limit,
        exhausted: !usage.overages.enabled && usage.limit > 0 && usage.used >= usage.limit,
        resetAt: usage.resetAt?.getTime() ?? null,
        plan: usage.subscriptionTitle ?? usage.plan,
        entitledModels: models.models.map((model) => model.modelId),
        detail: usageDetailOf(usage),
      };
    },
  };
}

/** The credit pools and plan tier, as plain JSON for `Account.usageDetail`. */
function usageDetailOf(usage: KiroUsageLimits): StoredUsageDetail {
  const epochMs = (date: Date | undefined) => date?.getTime() ?? null;
  return {
    planTier: usage.subscriptionTitle ?? null,
    pools: usage.pools.map((pool) => ({
      kind: pool.kind,
      name: pool.name,
      used: pool.used,
      limit: pool.limit,
      resetsAt: epochMs(pool.resetsAt),
      expiresAt: epochMs(pool.expiresAt),
      status: pool.status,
    })),
  };
}
