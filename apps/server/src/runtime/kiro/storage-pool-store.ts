import type { AccountState, PoolStore, StoredAccount } from '@octoproxy/pool';
import type { Account, AccountPatch, Storage } from '@octoproxy/storage';

/**
 * The pool's persistence port on storage. The complete pool state is kept as JSON (under
 * `usageDetail.poolState`, until storage has a column of its own for it) and mirrored into the
 * account's columns the admin UI and the dashboard read.
 */
export function storagePoolStore(storage: Storage): PoolStore {
  return {
    async loadAccounts(): Promise<readonly StoredAccount[]> {
      const accounts = await storage.accounts.listAll();
      return accounts.map(toStoredAccount);
    },
    async saveAccountState(accountId: string, state: AccountState): Promise<void> {
      await storage.accounts.update(accountId, stateColumns(state));
    },
  };
}

/** Pacing comes from the pool's live default (`accountRequestsPerMinute`). */
export function toStoredAccount(account: Account): StoredAccount {
  const detail = account.usageDetail as { poolState?: unknown } | null | undefined;
  return {
    id: account.id,
    label: account.name,
    enabled: !account.disabled,
    createdAt: account.createdAt,
    weight: account.weight,
    maxConcurrency: account.concurrencyCap ?? undefined,
    allowedModels: account.allowedModels,
    state: detail?.poolState ?? null,
  };
}

function stateColumns(state: AccountState): AccountPatch {
  const usage = state.usage;
  return {
    healthState: state.health,
    consecutiveErrors: state.consecutiveFailures,
    lastError: state.lastError?.message ?? null,
    lastErrorAt: state.lastError?.at ?? null,
    cooldownUntil: state.cooldown?.until ?? state.quotaExhaustedUntil ?? null,
    cooldownReason:
      state.cooldown?.reason ?? (state.quotaExhaustedUntil === null ? null : 'quota_exhausted'),
    quarantined: state.quarantine !== null,
    quarantineReason: state.quarantine?.reason ?? null,
    lastHealthCheckAt: state.lastHealthCheckAt,
    ...(usage === null
      ? {}
      : {
          usageUsed: usage.used,
          usageLimit: usage.limit,
          usageResetsAt: usage.resetAt,
          usageSyncedAt: usage.syncedAt,
          plan: usage.plan,
          entitlements: usage.entitledModels,
        }),
    usageDetail: { poolState: state },
  };
}
