import type { PoolSettings } from '../settings/pool-settings';
import type { AccountConfig } from './account-config';
import { remainingQuota, type AccountEntry } from './account-entry';
import type { AccountState } from './account-state';
import { checkEligibility, concurrencyLimit, type Ineligibility } from './eligibility';

/** One account as the admin UI and metrics see it: configuration, state and live counters. */
export interface AccountSnapshot {
  config: AccountConfig;
  state: AccountState;
  inFlight: number;
  maxConcurrency: number;
  /** Credits left by the latest estimate, when known. */
  remainingQuota: number | null;
  /** Why the account cannot take a request now (for any model), or null when it can. */
  unavailable: Ineligibility | null;
}

export function snapshotAccount(
  entry: AccountEntry,
  options: { now: number; settings: PoolSettings },
): AccountSnapshot {
  return {
    config: { ...entry.config },
    state: structuredClone(entry.state),
    inFlight: entry.inFlight,
    maxConcurrency: concurrencyLimit(entry, options.settings),
    remainingQuota: remainingQuota(entry),
    unavailable: checkEligibility(entry, { now: options.now, settings: options.settings }),
  };
}
