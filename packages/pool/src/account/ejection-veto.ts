import type { PoolSettings } from '../settings/pool-settings';
import type { AccountEntry } from './account-entry';
import { checkEligibility } from './eligibility';

/**
 * Why an outlier ejection was not applied: `last_serving` when no other account could take a request
 * right now, `max_percent` when `ejection.maxPercent` of the enabled accounts are already ejected.
 */
export type EjectionVeto = 'last_serving' | 'max_percent';

function isEjected(entry: AccountEntry, now: number): boolean {
  const cooldown = entry.state.cooldown;
  return cooldown?.cause === 'ejected' && cooldown.until > now;
}

/**
 * The ejection guard. An ejection only helps while the others can absorb the traffic: it is refused
 * when no other account could serve right now (cooling down, quarantined, unhealthy, out of quota,
 * disabled, at its concurrency or pacing limit: anything that makes it ineligible counts), and capped
 * like Envoy's max_ejection_percent: at most maxPercent % of the enabled accounts (at least one) are
 * ejected at once. Returns null when `candidate` may be ejected.
 */
export function ejectionVeto(
  candidate: AccountEntry,
  options: { accounts: readonly AccountEntry[]; now: number; settings: PoolSettings },
): EjectionVeto | null {
  const { now, settings } = options;
  let enabled = 0;
  let ejected = 0;
  let serving = 0;
  for (const entry of options.accounts) {
    if (entry === candidate || !entry.config.enabled) continue;
    enabled += 1;
    if (isEjected(entry, now)) ejected += 1;
    if (checkEligibility(entry, { now, settings }) === null) serving += 1;
  }
  if (serving === 0) return 'last_serving';
  const limit = Math.max(1, Math.floor(((enabled + 1) * settings.ejection.maxPercent) / 100));
  return ejected < limit ? null : 'max_percent';
}
