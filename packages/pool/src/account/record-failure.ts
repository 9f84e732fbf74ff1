import type { AccountChange } from '../events/pool-events';
import type { FailureClassification } from '../failure/failure-class';
import type { Random } from '../ports/random';
import type { PoolSettings } from '../settings/pool-settings';
import { exponentialDelay, withJitter } from './backoff';
import type { AccountEntry } from './account-entry';

export interface TransitionContext {
  now: number;
  settings: PoolSettings;
  random: Random;
  /** Whether one more account may be ejected now (the pool-wide ejection cap); default yes. */
  mayEject?: ((entry: AccountEntry) => boolean) | undefined;
}

function startCooldown(
  entry: AccountEntry,
  options: { until: number; cause: 'rate_limited' | 'ejected'; reason: string },
): AccountChange {
  // Re-cooling never shortens an existing cooldown.
  const until = Math.max(options.until, entry.state.cooldown?.until ?? 0);
  entry.state.cooldown = { until, cause: options.cause, reason: options.reason };
  return { change: 'cooldown_started', until, cause: options.cause, reason: options.reason };
}

function rateLimited(
  entry: AccountEntry,
  failure: FailureClassification,
  context: TransitionContext,
): AccountChange[] {
  const { settings, now, random } = context;
  entry.state.rateLimitStreak += 1;
  const delayMs =
    failure.retryAfterMs !== undefined
      ? Math.min(failure.retryAfterMs, settings.rateLimit.maxRetryAfterMs)
      : withJitter(
          exponentialDelay({
            baseMs: settings.rateLimit.baseCooldownMs,
            step: entry.state.rateLimitStreak,
            capMs: settings.rateLimit.maxCooldownMs,
          }),
          { jitter: settings.jitter, random },
        );
  return [
    startCooldown(entry, { until: now + delayMs, cause: 'rate_limited', reason: failure.reason }),
  ];
}

function quotaExhausted(
  entry: AccountEntry,
  failure: FailureClassification,
  context: TransitionContext,
): AccountChange[] {
  const { now, settings } = context;
  const knownReset = [failure.resetAt, entry.state.usage?.resetAt ?? undefined].find(
    (candidate): candidate is number => candidate !== undefined && candidate > now,
  );
  if (knownReset === undefined) entry.usageSyncRequested = true;
  const until = knownReset ?? now + settings.quota.unknownResetCooldownMs;
  entry.state.quotaExhaustedUntil = until;
  if (entry.state.usage !== null) entry.state.usage = { ...entry.state.usage, exhausted: true };
  return [{ change: 'quota_exhausted', until }];
}

/** Puts the account in quarantine (no-op if it already is); the first probe waits longer per strike. */
export function quarantine(
  entry: AccountEntry,
  reason: string,
  context: TransitionContext,
): AccountChange[] {
  const { now, settings, random } = context;
  const state = entry.state;
  if (state.quarantine !== null) return [];
  const liftedRecently =
    state.quarantineLiftedAt !== null &&
    now - state.quarantineLiftedAt < settings.quarantine.strikeDecayMs;
  state.quarantineStrikes = liftedRecently ? state.quarantineStrikes + 1 : 1;
  state.quarantine = { reason, since: now };
  state.probeFailures = 0;
  const delayMs = exponentialDelay({
    baseMs: settings.quarantine.probeBaseMs,
    step: state.quarantineStrikes,
    capMs: settings.quarantine.probeMaxMs,
  });
  state.nextProbeAt = now + withJitter(delayMs, { jitter: settings.jitter, random });
  return [
    {
      change: 'quarantined',
      reason,
      strikes: state.quarantineStrikes,
      nextProbeAt: state.nextProbeAt,
    },
  ];
}

/** Marks the account unhealthy; an expired token is probed at once (a refresh usually fixes it). */
export function markUnhealthy(
  entry: AccountEntry,
  reason: string,
  context: TransitionContext,
): AccountChange[] {
  const { now, settings, random } = context;
  const state = entry.state;
  const from = state.health;
  state.health = 'unhealthy';
  state.healthReason = reason;
  state.probeFailures = 0;
  state.nextProbeAt =
    reason === 'token_expired'
      ? now
      : now + withJitter(settings.recovery.probeBaseMs, { jitter: settings.jitter, random });
  return from === 'unhealthy' ? [] : [{ change: 'health_changed', from, to: 'unhealthy', reason }];
}

function transient(
  entry: AccountEntry,
  failure: FailureClassification,
  context: TransitionContext,
): AccountChange[] {
  const { now, settings, random } = context;
  const state = entry.state;
  state.consecutiveFailures += 1;
  const halfOpen = state.health === 'recovering';
  if (!halfOpen && state.consecutiveFailures < settings.maxErrorCount) return [];
  if (context.mayEject?.(entry) === false) return [];
  // Outlier ejection: each ejection lasts longer (Envoy: base × times ejected), capped.
  state.ejectionCount += 1;
  state.consecutiveFailures = 0;
  const durationMs = withJitter(
    Math.min(settings.ejection.maxMs, settings.ejection.baseMs * state.ejectionCount),
    { jitter: settings.jitter, random },
  );
  const changes = [
    startCooldown(entry, { until: now + durationMs, cause: 'ejected', reason: failure.reason }),
  ];
  if (state.health === 'healthy') {
    state.health = 'recovering';
    changes.push({
      change: 'health_changed',
      from: 'healthy',
      to: 'recovering',
      reason: failure.reason,
    });
  }
  return changes;
}

/**
 * Applies one failure to the account (see {@link FailureClassification} for the policy per class) and
 * returns what changed. Client, abort and gateway failures never touch the account.
 */
export function recordFailure(
  entry: AccountEntry,
  failure: FailureClassification,
  context: TransitionContext,
): AccountChange[] {
  const counted = (): void => {
    entry.state.lastError = {
      at: context.now,
      failureClass: failure.failureClass,
      reason: failure.reason,
      message: failure.message.slice(0, 500),
    };
  };
  switch (failure.failureClass) {
    case 'client':
    case 'aborted':
    case 'gateway':
    case 'capacity':
      return [];
    case 'rate_limited':
      counted();
      return rateLimited(entry, failure, context);
    case 'quota_exhausted':
      counted();
      return quotaExhausted(entry, failure, context);
    case 'quarantine':
      counted();
      return quarantine(entry, failure.reason, context);
    case 'auth':
      counted();
      return markUnhealthy(entry, failure.reason, context);
    case 'transient':
      counted();
      return transient(entry, failure, context);
  }
}
