import type { PoolSettings } from '../settings/pool-settings';
import type { AccountEntry } from './account-entry';
import type { PacingBudget } from './pacer';

/** Why an account cannot take a request right now, in the order they are checked. */
export type IneligibleReason =
  | 'disabled'
  | 'quarantined'
  | 'unhealthy'
  | 'model_not_allowed'
  | 'model_not_entitled'
  | 'quota_exhausted'
  | 'cooling_down'
  | 'at_capacity'
  | 'paced'
  | 'already_tried';

export interface Ineligibility {
  reason: IneligibleReason;
  /** When the obstacle goes away by itself (epoch ms), for time-bound reasons. */
  until?: number | undefined;
}

export function concurrencyLimit(entry: AccountEntry, settings: PoolSettings): number {
  return entry.config.maxConcurrency ?? settings.concurrency.defaultMaxPerAccount;
}

export function pacingBudget(entry: AccountEntry, settings: PoolSettings): PacingBudget {
  return {
    requestsPerMinute: entry.config.requestsPerMinute ?? settings.pacing.requestsPerMinute,
    burst: settings.pacing.burst,
  };
}

/** Whether the account may serve `model` at all (admin allow-list and plan entitlements). */
export function modelIneligibility(
  entry: AccountEntry,
  model: string | undefined,
): Ineligibility | null {
  if (model === undefined) return null;
  const allowed = entry.config.allowedModels;
  if (allowed != null && !allowed.includes(model)) return { reason: 'model_not_allowed' };
  const entitled = entry.state.usage?.entitledModels;
  if (entitled != null && !entitled.includes(model)) return { reason: 'model_not_entitled' };
  return null;
}

/**
 * The eligibility rule: enabled, not quarantined, healthy or recovering, the model allowed and entitled,
 * quota not exhausted (until its reset date), not cooling down, under its concurrency cap and pacing
 * budget. Returns null when eligible. Pure and O(1): reads memory only. `allowEjected` looks past an
 * outlier ejection (never a rate limit): what panic routing may override.
 */
export function checkEligibility(
  entry: AccountEntry,
  options: {
    model?: string | undefined;
    now: number;
    settings: PoolSettings;
    allowEjected?: boolean | undefined;
  },
): Ineligibility | null {
  const { now, settings } = options;
  const { config, state } = entry;
  if (!config.enabled) return { reason: 'disabled' };
  if (state.quarantine !== null)
    return { reason: 'quarantined', until: state.nextProbeAt ?? undefined };
  if (state.health === 'unhealthy')
    return { reason: 'unhealthy', until: state.nextProbeAt ?? undefined };
  const modelProblem = modelIneligibility(entry, options.model);
  if (modelProblem !== null) return modelProblem;
  if (state.quotaExhaustedUntil !== null && now < state.quotaExhaustedUntil) {
    return { reason: 'quota_exhausted', until: state.quotaExhaustedUntil };
  }
  const cooldown = state.cooldown;
  const overridden = options.allowEjected === true && cooldown?.cause === 'ejected';
  if (cooldown !== null && now < cooldown.until && !overridden) {
    return { reason: 'cooling_down', until: cooldown.until };
  }
  if (entry.inFlight >= concurrencyLimit(entry, settings)) return { reason: 'at_capacity' };
  const pacedUntil = entry.pacer.availableAt(pacingBudget(entry, settings));
  if (pacedUntil > now) return { reason: 'paced', until: pacedUntil };
  return null;
}
