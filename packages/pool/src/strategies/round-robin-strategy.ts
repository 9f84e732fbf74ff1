import { compareAccountOrder, type AccountEntry } from '../account/account-entry';
import type { SelectionStrategy } from './selection-strategy';

/**
 * `round_robin`: a true rotation over the eligible accounts in the stable order. The cursor remembers the
 * last account picked; the next pick is the first eligible account after it, wrapping around. Accounts
 * that are ineligible for a moment are skipped without disturbing the order of the others.
 */
export function createRoundRobinStrategy(): SelectionStrategy {
  let last: AccountEntry | undefined;
  return {
    name: 'round_robin',
    pick(candidates) {
      const cursor = last;
      const next =
        (cursor === undefined
          ? undefined
          : candidates.find((candidate) => compareAccountOrder(candidate, cursor) > 0)) ??
        candidates[0];
      if (next === undefined) throw new RangeError('pick() needs at least one candidate');
      last = next;
      return next;
    },
  };
}
