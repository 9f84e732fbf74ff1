import type { AccountEntry } from '../account/account-entry';
import type { Random } from '../ports/random';
import type { StrategyName } from '../settings/pool-settings';

export interface PickContext {
  now: number;
  random: Random;
}

/**
 * Chooses one account among the eligible ones. `candidates` is never empty and is in the stable order
 * (creation time, then id). A strategy may keep in-memory state (a rotation cursor, weights); it never
 * does I/O.
 */
export interface SelectionStrategy {
  readonly name: StrategyName;
  pick(candidates: readonly AccountEntry[], context: PickContext): AccountEntry;
}

/** The first candidate that `isBetter` never beats: a stable arg-min in one pass. */
export function pickBest(
  candidates: readonly AccountEntry[],
  isBetter: (candidate: AccountEntry, best: AccountEntry) => boolean,
): AccountEntry {
  let best = candidates[0];
  if (best === undefined) throw new RangeError('pick() needs at least one candidate');
  for (let index = 1; index < candidates.length; index += 1) {
    const candidate = candidates[index];
    if (candidate !== undefined && isBetter(candidate, best)) best = candidate;
  }
  return best;
}
