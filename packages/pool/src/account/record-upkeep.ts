import type { AccountChange } from '../events/pool-events';
import type { UsageReport } from '../ports/pool-upstream';
import { exponentialDelay, withJitter } from './backoff';
import type { AccountEntry } from './account-entry';
import type { TransitionContext } from './record-failure';

/** Stores a usage report; restores or exhausts the quota to match it. */
export function recordUsage(
  entry: AccountEntry,
  report: UsageReport,
  context: TransitionContext,
): AccountChange[] {
  const { now, settings } = context;
  const exhausted =
    report.exhausted ??
    (report.limit !== null &&
      report.used !== null &&
      report.limit > 0 &&
      report.used >= report.limit);
  const usage = {
    used: report.used,
    limit: report.limit,
    exhausted,
    resetAt: report.resetAt,
    plan: report.plan,
    entitledModels: report.entitledModels === null ? null : [...report.entitledModels],
    syncedAt: now,
    detail: report.detail ?? null,
  };
  const state = entry.state;
  state.usage = usage;
  entry.usageSyncRequested = false;
  const changes: AccountChange[] = [{ change: 'usage_updated', usage }];
  if (exhausted) {
    const until =
      report.resetAt !== null && report.resetAt > now
        ? report.resetAt
        : now + settings.quota.unknownResetCooldownMs;
    if (state.quotaExhaustedUntil !== until) {
      state.quotaExhaustedUntil = until;
      changes.push({ change: 'quota_exhausted', until });
    }
  } else if (state.quotaExhaustedUntil !== null) {
    // Credits are back before the reset date (bonus, overage, plan change): never stay stuck.
    state.quotaExhaustedUntil = null;
    changes.push({ change: 'quota_restored', by: 'usage_sync' });
  }
  return changes;
}

/** A health check or recovery probe passed: quarantine and unhealthy states end (into `recovering`). */
export function recordProbeSuccess(entry: AccountEntry, now: number): AccountChange[] {
  const state = entry.state;
  const changes: AccountChange[] = [];
  state.lastHealthCheckAt = now;
  state.probeFailures = 0;
  state.nextProbeAt = null;
  if (state.quarantine !== null) {
    state.quarantine = null;
    state.quarantineLiftedAt = now;
    changes.push({ change: 'quarantine_cleared', by: 'probe' });
    if (state.health === 'healthy') {
      state.health = 'recovering';
      changes.push({ change: 'health_changed', from: 'healthy', to: 'recovering', reason: null });
    }
  }
  if (state.health === 'unhealthy') {
    changes.push({ change: 'health_changed', from: 'unhealthy', to: 'recovering', reason: null });
    state.health = 'recovering';
    state.healthReason = null;
  }
  return changes;
}

/** A recovery probe failed: try again later, each time waiting longer (capped). */
export function scheduleNextProbe(entry: AccountEntry, context: TransitionContext): void {
  const { now, settings, random } = context;
  const state = entry.state;
  state.lastHealthCheckAt = now;
  state.probeFailures += 1;
  const quarantined = state.quarantine !== null;
  const delayMs = exponentialDelay({
    baseMs: quarantined ? settings.quarantine.probeBaseMs : settings.recovery.probeBaseMs,
    step: (quarantined ? state.quarantineStrikes : 1) + state.probeFailures,
    capMs: quarantined ? settings.quarantine.probeMaxMs : settings.recovery.probeMaxMs,
  });
  state.nextProbeAt = now + withJitter(delayMs, { jitter: settings.jitter, random });
}

export function recordTokenStatus(entry: AccountEntry, expiresAt: number | null): AccountChange[] {
  entry.state.tokenExpiresAt = expiresAt;
  return [{ change: 'token_refreshed', expiresAt }];
}
