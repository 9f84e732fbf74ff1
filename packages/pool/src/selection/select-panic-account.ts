import type { AccountEntry } from '../account/account-entry';
import { checkEligibility, type IneligibleReason } from '../account/eligibility';
import type { PoolRuntime } from '../pool-runtime';
import type { BlockedAccount } from './select-account';
import { takeSlot } from './take-slot';

export interface PanicSelection {
  entry: AccountEntry;
  /** When the chosen account's ejection ends (epoch ms). */
  ejectedUntil: number;
  /** Why the other accounts could not take the request, counted per reason. */
  unavailable: Partial<Record<IneligibleReason, number>>;
}

/** Fewer ejections first (less evidence against it), then the ejection that ends first. */
function lessBad(a: AccountEntry, b: AccountEntry): boolean {
  if (a.state.ejectionCount !== b.state.ejectionCount) {
    return a.state.ejectionCount < b.state.ejectionCount;
  }
  return (a.state.cooldown?.until ?? 0) < (b.state.cooldown?.until ?? 0);
}

/**
 * Panic routing, after Envoy's panic threshold: when no account can take the request, an account whose
 * only obstacle is an outlier ejection (our own guess from a failure streak) serves it rather than
 * the request failing. Only accounts this request has not tried qualify; hard obstacles (disabled,
 * quarantined, unhealthy, out of quota, the model not allowed or entitled) and rate limits (the
 * upstream's own "back off") never do, and caps and pacing still hold. Picks the least bad candidate
 * (fewest ejections, then the soonest end, then the stable order), takes a slot on it and counts it.
 */
export function selectPanicAccount(
  runtime: PoolRuntime,
  options: {
    model: string | undefined;
    exclude: ReadonlySet<string>;
    /** Every account's obstacle, from the selection that found none eligible. */
    blocked: readonly BlockedAccount[];
  },
): PanicSelection | null {
  const settings = runtime.settings();
  if (!settings.ejection.panicRouting) return null;
  const now = runtime.now();
  let best: AccountEntry | undefined;
  for (const { entry, ineligibility } of options.blocked) {
    if (ineligibility.reason !== 'cooling_down' || options.exclude.has(entry.config.id)) continue;
    const past = checkEligibility(entry, {
      model: options.model,
      now,
      settings,
      allowEjected: true,
    });
    if (past !== null) continue;
    if (best === undefined || lessBad(entry, best)) best = entry;
  }
  if (best === undefined) return null;
  const unavailable: Partial<Record<IneligibleReason, number>> = {};
  for (const { entry, ineligibility } of options.blocked) {
    if (entry === best) continue;
    unavailable[ineligibility.reason] = (unavailable[ineligibility.reason] ?? 0) + 1;
  }
  takeSlot(runtime, best);
  runtime.panic.record(now);
  return { entry: best, ejectedUntil: best.state.cooldown?.until ?? now, unavailable };
}
