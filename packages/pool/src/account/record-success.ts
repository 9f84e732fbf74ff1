import type { AccountChange } from '../events/pool-events';
import type { AccountEntry } from './account-entry';

/** A request attempt is starting on the account. */
export function recordAttemptStart(entry: AccountEntry, now: number): void {
  entry.state.lastUsedAt = now;
  entry.state.useCount += 1;
}

/** The account produced a first upstream event (the commit point): it is not rate limiting us. */
export function recordCommit(entry: AccountEntry): void {
  entry.state.rateLimitStreak = 0;
}

/**
 * A request finished well on the account (the stream ended normally). Clears the failure streaks; a
 * recovering account becomes healthy; the ejection count decays by one. Counted at the end, not at the
 * commit point, so an account that keeps dying mid-stream is still ejected.
 */
export function recordSuccess(entry: AccountEntry): AccountChange[] {
  const state = entry.state;
  state.consecutiveFailures = 0;
  state.rateLimitStreak = 0;
  state.ejectionCount = Math.max(0, state.ejectionCount - 1);
  if (state.health !== 'recovering') return [];
  state.health = 'healthy';
  state.healthReason = null;
  return [{ change: 'health_changed', from: 'recovering', to: 'healthy', reason: null }];
}

/** Credits a finished request consumed: keeps the remaining-quota estimate current between syncs. */
export function recordCredits(entry: AccountEntry, credits: number): void {
  const usage = entry.state.usage;
  if (usage === null || usage.used === null || !(credits > 0)) return;
  entry.state.usage = { ...usage, used: usage.used + credits };
}

/** Clears cooldowns and quota blocks whose time has come, so the UI and the store see them end. */
export function sweepExpired(entry: AccountEntry, now: number): AccountChange[] {
  const state = entry.state;
  const changes: AccountChange[] = [];
  if (state.cooldown !== null && state.cooldown.until <= now) {
    changes.push({ change: 'cooldown_ended', cause: state.cooldown.cause });
    state.cooldown = null;
  }
  if (state.quotaExhaustedUntil !== null && state.quotaExhaustedUntil <= now) {
    state.quotaExhaustedUntil = null;
    // The numbers we hold are from the old period: fetch fresh ones soon.
    entry.usageSyncRequested = true;
    changes.push({ change: 'quota_restored', by: 'reset_date' });
  }
  return changes;
}

/** An admin cleared the account: every exclusion and streak is forgotten (usage data is kept). */
export function resetByAdmin(entry: AccountEntry, now: number): AccountChange[] {
  const state = entry.state;
  if (state.quarantine !== null) state.quarantineLiftedAt = now;
  state.health = 'healthy';
  state.healthReason = null;
  state.cooldown = null;
  state.quarantine = null;
  state.quotaExhaustedUntil = null;
  state.consecutiveFailures = 0;
  state.ejectionCount = 0;
  state.rateLimitStreak = 0;
  state.nextProbeAt = null;
  state.probeFailures = 0;
  return [{ change: 'reset_by_admin' }];
}
