import type { AccountEntry } from '../account/account-entry';
import { checkEligibility, type Ineligibility } from '../account/eligibility';
import type { StickyOutcome } from '../events/pool-events';
import type { PoolRuntime } from '../pool-runtime';
import { takeSlot } from './take-slot';

export interface BlockedAccount {
  entry: AccountEntry;
  ineligibility: Ineligibility;
}

export type Selection =
  | { ok: true; entry: AccountEntry; sticky: StickyOutcome }
  | { ok: false; blocked: BlockedAccount[] };

/**
 * Picks an eligible account and takes a slot on it, synchronously (so nothing can slip in between):
 * the conversation's sticky account when it is eligible, else the strategy's choice among the eligible,
 * which then becomes the conversation's account. Returns every account's obstacle when none is eligible.
 */
export function selectAccount(
  runtime: PoolRuntime,
  options: {
    model: string | undefined;
    stickyKey: string | undefined;
    exclude: ReadonlySet<string>;
  },
): Selection {
  const settings = runtime.settings();
  const now = runtime.now();
  const candidates: AccountEntry[] = [];
  const blocked: BlockedAccount[] = [];
  for (const entry of runtime.registry.ordered()) {
    // The real obstacle comes first, so "no eligible account" explains e.g. a cooldown, not "tried".
    const ineligibility =
      checkEligibility(entry, { model: options.model, now, settings }) ??
      (options.exclude.has(entry.config.id) ? { reason: 'already_tried' as const } : null);
    if (ineligibility === null) candidates.push(entry);
    else blocked.push({ entry, ineligibility });
  }
  if (candidates.length === 0) return { ok: false, blocked };

  const stickyKey = settings.sticky.enabled ? options.stickyKey : undefined;
  let chosen: AccountEntry | undefined;
  let sticky: StickyOutcome = 'none';
  if (stickyKey !== undefined) {
    const boundId = runtime.sticky.lookup(stickyKey, now);
    chosen = boundId === undefined ? undefined : candidates.find((c) => c.config.id === boundId);
    sticky = chosen !== undefined ? 'hit' : boundId === undefined ? 'miss' : 'rebound';
  }
  chosen ??= runtime.strategy().pick(candidates, { now, random: runtime.random });
  if (stickyKey !== undefined) {
    runtime.sticky.bind(stickyKey, {
      accountId: chosen.config.id,
      now,
      ttlMs: settings.sticky.ttlMinutes * 60_000,
      maxEntries: settings.sticky.maxEntries,
    });
    runtime.sticky.count(sticky);
  }

  takeSlot(runtime, chosen);
  return { ok: true, entry: chosen, sticky };
}
