import type { AccountChange } from '../events/pool-events';
import type { FailureClassification } from '../failure/failure-class';
import type { Random } from '../ports/random';
import type { PoolSettings } from '../settings/pool-settings';
import { exponentialDelay, withJitter } from './backoff';
import type { AccountEntry } from './account-entry';
import type { Cooldown } from './account-state';
import type { EjectionVeto } from './ejection-veto';

export interface TransitionContext {
  now: number;
  settings: PoolSettings;
  random: Random;
  /** Why the account may not be ejected now (the pool-wide ejection guard); default: it may. */
  ejectionVeto?: ((entry: AccountEntry) => EjectionVeto | null) | undefined;
}

function startCooldown(
  entry: AccountEntry,
  options: { until: number; cause: Cooldown['cause']; reason: string; now: number },
): AccountChange {
  const current = entry.state.cooldown;
  const running = current !== null && current.until > options.now ? current : null;
  // Re-cooling never shortens a cooldown, and one that includes a rate limit stays a rate limit:
  // panic routing may override an ejection, never the upstream's own "back off". The event says what
  // happened (e.g. an ejection) and until when the account is out.
  const until = Math.max(options.until, running?.until ?? 0);
  const stillRateLimited = running?.cause === 'rate_limited';
  entry.state.cooldown = stillRateLimited
    ? { ...running, until }
    : { until, cause: options.cause, reason: options.reason };
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
    startCooldown(entry, {
      until: now + delayMs,
      cause: 'rate_limited',
      reason: failure.reason,
      now,
    }),
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
  const veto = context.ejectionVeto?.(entry) ?? null;
  // Not ejected: the streak stays, so the next failure asks again once the others can serve.
  if (veto !== null) return [{ change: 'ejection_skipped', veto, reason: failure.reason }];
  // Outlier ejection: each ejection lasts longer (Envoy: base × times ejected), capped.
  state.ejectionCount += 1;
  state.consecutiveFailures = 0;
  const durationMs = withJitter(
    Math.min(settings.ejection.maxMs, settings.ejection.baseMs * state.ejectionCount),
    { jitter: settings.jitter, random },
  );
  const changes = [
    startCooldown(entry, {
      until: now + durationMs,
      cause: 'ejected',
      reason: failure.reason,
      now,
    }),
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

/** Keeps the failure as the account's last error (what the admin sees), trimmed. */
export function noteLastError(
  entry: AccountEntry,
  failure: FailureClassification,
  now: number,
): void {
  entry.state.lastError = {
    at: now,
    failureClass: failure.failureClass,
    reason: failure.reason,
    message: failure.message.slice(0, 500),
  };
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
    entry.state.errorCount += 1;
    noteLastError(entry, failure, context.now);
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
    case 'misconfigured':
      counted();
      return markUnhealthy(entry, failure.reason, context);
    case 'transient':
      counted();
      return transient(entry, failure, context);
  }
}
