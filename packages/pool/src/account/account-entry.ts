import type { UpkeepTaskName } from '../events/pool-events';
import type { AccountConfig } from './account-config';
import type { AccountState } from './account-state';
import { Pacer } from './pacer';

/** One account in memory: configuration, persisted state and the runtime counters that never persist. */
export interface AccountEntry {
  config: AccountConfig;
  state: AccountState;
  /** Leases and attempts holding a concurrency slot. */
  inFlight: number;
  pacer: Pacer;
  /** Set when a failure suggests the usage numbers are stale (e.g. quota exhausted without a date). */
  usageSyncRequested: boolean;
  /** An upkeep call is running for this account (never two at once). */
  upkeepBusy: boolean;
  /** When each upkeep task last started for this account (epoch ms), successful or not. */
  lastUpkeep: Partial<Record<UpkeepTaskName, number>>;
  /** The next health check refreshes the token even if it is still valid (an admin's "check now"). */
  refreshOnNextCheck: boolean;
}

export function createAccountEntry(config: AccountConfig, state: AccountState): AccountEntry {
  return {
    config,
    state,
    inFlight: 0,
    pacer: new Pacer(),
    usageSyncRequested: false,
    upkeepBusy: false,
    lastUpkeep: {},
    refreshOnNextCheck: false,
  };
}

/** The stable order: creation time, then id. Rotation and `oldest_first` rely on it. */
export function compareAccountOrder(a: AccountEntry, b: AccountEntry): number {
  if (a.config.createdAt !== b.config.createdAt) return a.config.createdAt - b.config.createdAt;
  return a.config.id < b.config.id ? -1 : a.config.id > b.config.id ? 1 : 0;
}

/** Credits left (limit − used) from the last usage snapshot and reported consumption; null if unknown. */
export function remainingQuota(entry: AccountEntry): number | null {
  const usage = entry.state.usage;
  if (usage === null || usage.limit === null || usage.used === null) return null;
  return usage.limit - usage.used;
}
