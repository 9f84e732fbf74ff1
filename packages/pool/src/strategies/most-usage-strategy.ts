import { remainingQuota } from '../account/account-entry';
import { isLessRecentlyUsed } from './lru-strategy';
import { pickBest, type SelectionStrategy } from './selection-strategy';

/**
 * `most_usage`: the account with the most remaining quota first. As credits are reported the leader's
 * remainder shrinks, so load spreads until every account has about the same left. Unknown quota sorts
 * last; ties go to the least recently used.
 */
export function createMostUsageStrategy(): SelectionStrategy {
  return {
    name: 'most_usage',
    pick: (candidates) =>
      pickBest(candidates, (candidate, best) => {
        const remaining = remainingQuota(candidate) ?? Number.NEGATIVE_INFINITY;
        const bestRemaining = remainingQuota(best) ?? Number.NEGATIVE_INFINITY;
        if (remaining !== bestRemaining) return remaining > bestRemaining;
        return isLessRecentlyUsed(candidate, best);
      }),
  };
}
