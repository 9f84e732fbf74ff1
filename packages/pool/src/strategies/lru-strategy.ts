import type { AccountEntry } from '../account/account-entry';
import { pickBest, type SelectionStrategy } from './selection-strategy';

/** Least recently used first (never-used accounts before all), then fewer uses, then the stable order. */
export function isLessRecentlyUsed(candidate: AccountEntry, best: AccountEntry): boolean {
  const candidateUsed = candidate.state.lastUsedAt ?? Number.NEGATIVE_INFINITY;
  const bestUsed = best.state.lastUsedAt ?? Number.NEGATIVE_INFINITY;
  if (candidateUsed !== bestUsed) return candidateUsed < bestUsed;
  return candidate.state.useCount < best.state.useCount;
}

/** `lru` (the default): the account idle the longest. Spreads load evenly and gives each account rest. */
export function createLruStrategy(): SelectionStrategy {
  return {
    name: 'lru',
    pick: (candidates) => pickBest(candidates, isLessRecentlyUsed),
  };
}
