import { remainingQuota } from '../account/account-entry';
import { pickBest, type SelectionStrategy } from './selection-strategy';

/**
 * `least_usage`: the account with the least remaining quota first, so one account is drained before the
 * next is touched (the others keep their credits for later). Unknown quota sorts last; ties keep the
 * stable order, so the same account keeps draining.
 */
export function createLeastUsageStrategy(): SelectionStrategy {
  return {
    name: 'least_usage',
    pick: (candidates) =>
      pickBest(candidates, (candidate, best) => {
        const remaining = remainingQuota(candidate) ?? Number.POSITIVE_INFINITY;
        const bestRemaining = remainingQuota(best) ?? Number.POSITIVE_INFINITY;
        return remaining < bestRemaining;
      }),
  };
}
