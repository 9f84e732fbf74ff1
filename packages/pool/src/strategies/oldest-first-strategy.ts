import type { SelectionStrategy } from './selection-strategy';

/**
 * `oldest_first`: always the oldest eligible account (creation time, then id), until it becomes
 * ineligible; then the next oldest. Candidates already come in that order.
 */
export function createOldestFirstStrategy(): SelectionStrategy {
  return {
    name: 'oldest_first',
    pick(candidates) {
      const oldest = candidates[0];
      if (oldest === undefined) throw new RangeError('pick() needs at least one candidate');
      return oldest;
    },
  };
}
