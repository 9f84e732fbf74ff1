import type { AccountSnapshot } from './account/account-snapshot';
import type { PanicStats } from './selection/panic-counter';
import type { StrategyName } from './settings/pool-settings';
import type { StickyStats } from './sticky/sticky-router';

/** Pool-wide gauges for `/metrics`, `/health` and the dashboard. */
export interface PoolStats {
  strategy: StrategyName;
  total: number;
  enabled: number;
  /** Enabled accounts that could take a request now (for any model). */
  available: number;
  healthy: number;
  recovering: number;
  unhealthy: number;
  quarantined: number;
  coolingDown: number;
  quotaExhausted: number;
  inFlight: number;
  /** Requests waiting for a slot or pacing budget. */
  queued: number;
  retryBudget: { activeRequests: number; retriesInFlight: number; limit: number };
  sticky: StickyStats;
  /** Panic routing: attempts sent to an ejected account because no other account could serve. */
  panic: PanicStats;
}

export function summarizeAccounts(
  accounts: readonly AccountSnapshot[],
): Omit<PoolStats, 'strategy' | 'queued' | 'retryBudget' | 'sticky' | 'panic'> {
  const count = (predicate: (account: AccountSnapshot) => boolean) =>
    accounts.filter(predicate).length;
  return {
    total: accounts.length,
    enabled: count((account) => account.config.enabled),
    available: count((account) => account.unavailable === null),
    healthy: count((account) => account.state.health === 'healthy'),
    recovering: count((account) => account.state.health === 'recovering'),
    unhealthy: count((account) => account.state.health === 'unhealthy'),
    quarantined: count((account) => account.state.quarantine !== null),
    coolingDown: count((account) => account.unavailable?.reason === 'cooling_down'),
    quotaExhausted: count((account) => account.unavailable?.reason === 'quota_exhausted'),
    inFlight: accounts.reduce((sum, account) => sum + account.inFlight, 0),
  };
}
