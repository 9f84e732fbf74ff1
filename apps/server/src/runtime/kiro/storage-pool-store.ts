import type { AccountState, PoolStore, StoredAccount } from '@octoproxy/pool';
import type { Account, AccountPatch, Storage } from '@octoproxy/storage';

/**
 * The pool's persistence port on storage. The complete pool state is kept as JSON in
 * `Account.poolState` and mirrored into the account's columns the admin UI and the dashboard read.
 */
export function storagePoolStore(storage: Storage): PoolStore {
  return {
    async loadAccounts(): Promise<readonly StoredAccount[]> {
      const accounts = await storage.accounts.listAll();
      const moved = await Promise.all(
        accounts.map((account) => moveLegacyPoolState(storage, account)),
      );
      return moved.map(toStoredAccount);
    },
    async saveAccountState(accountId: string, state: AccountState): Promise<void> {
      await storage.accounts.update(accountId, stateColumns(state));
    },
  };
}

/** Pacing comes from the pool's live default (`accountRequestsPerMinute`). */
export function toStoredAccount(account: Account): StoredAccount {
  return {
    id: account.id,
    label: account.name,
    enabled: !account.disabled,
    createdAt: account.createdAt,
    weight: account.weight,
    maxConcurrency: account.concurrencyCap ?? undefined,
    allowedModels: account.allowedModels,
    state: account.poolState ?? null,
  };
}

/**
 * Earlier versions kept the pool state under `usageDetail.poolState`, before storage had a column
 * for it. Moves such a state into `poolState` (once: afterwards `poolState` is set and the old key
 * is gone) and keeps anything else `usageDetail` held.
 */
async function moveLegacyPoolState(storage: Storage, account: Account): Promise<Account> {
  const detail = account.usageDetail;
  if (account.poolState != null || !isRecord(detail) || detail.poolState == null) return account;
  const { poolState, ...rest } = detail;
  const usageDetail = Object.keys(rest).length === 0 ? null : rest;
  const moved = await storage.accounts.update(account.id, { poolState, usageDetail });
  return moved ?? { ...account, poolState, usageDetail };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stateColumns(state: AccountState): AccountPatch {
  const usage = state.usage;
  return {
    healthState: state.health,
    consecutiveErrors: state.consecutiveFailures,
    errorCount: state.errorCount,
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
          usageDetail: usage.detail ?? null,
        }),
    poolState: state,
  };
}
