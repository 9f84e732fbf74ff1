import type { AccountEntry } from '../account/account-entry';
import type { SelectionStrategy } from './selection-strategy';

function weightOf(entry: AccountEntry): number {
  const weight = entry.config.weight ?? 1;
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * `weighted`: smooth weighted round robin (the nginx algorithm). Over any window of Σweights picks each
 * account is chosen exactly `weight` times, interleaved rather than in runs. Accounts with weight 0 are
 * used only when every candidate has weight 0 (then all count as 1).
 */
export function createWeightedStrategy(): SelectionStrategy {
  const current = new Map<string, number>();
  return {
    name: 'weighted',
    pick(candidates) {
      const allZero = candidates.every((candidate) => weightOf(candidate) === 0);
      let total = 0;
      let best: AccountEntry | undefined;
      let bestCurrent = Number.NEGATIVE_INFINITY;
      for (const candidate of candidates) {
        const weight = allZero ? 1 : weightOf(candidate);
        if (weight === 0) continue;
        const value = (current.get(candidate.config.id) ?? 0) + weight;
        current.set(candidate.config.id, value);
        total += weight;
        if (value > bestCurrent) {
          best = candidate;
          bestCurrent = value;
        }
      }
      if (best === undefined) throw new RangeError('pick() needs at least one candidate');
      current.set(best.config.id, bestCurrent - total);
      if (current.size > candidates.length * 4) {
        // Forget accounts that left long ago so the map stays bounded.
        const present = new Set(candidates.map((candidate) => candidate.config.id));
        for (const id of current.keys()) if (!present.has(id)) current.delete(id);
      }
      return best;
    },
  };
}
