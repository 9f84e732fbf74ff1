import type { AccountEntry } from '../account/account-entry';
import { noteLastError, quarantine, recordFailure } from '../account/record-failure';
import {
  recordProbeSuccess,
  recordTokenStatus,
  recordUsage,
  scheduleNextProbe,
} from '../account/record-upkeep';
import type { AccountChange, UpkeepTaskName } from '../events/pool-events';
import type { FailureClassification } from '../failure/failure-class';
import { failureClassByReason } from '../failure/default-classify-failure';
import type { UpstreamAccountRef } from '../ports/pool-upstream';
import type { PoolRuntime } from '../pool-runtime';

function refOf(entry: AccountEntry): UpstreamAccountRef {
  return { id: entry.config.id, label: entry.config.label };
}

function unhealthyForItsToken(entry: AccountEntry): boolean {
  const reason = entry.state.healthReason;
  return (
    entry.state.health === 'unhealthy' &&
    reason !== null &&
    Object.hasOwn(failureClassByReason, reason) &&
    failureClassByReason[reason] === 'auth' &&
    reason !== 'forbidden'
  );
}

/** Token refresh + usage limits (no quota spent), plus a tiny generation when configured. */
async function checkAccount(runtime: PoolRuntime, entry: AccountEntry, signal: AbortSignal) {
  const settings = runtime.settings();
  const account = refOf(entry);
  // An admin's "check now", or a probe of an account whose token could not be refreshed: a token
  // still valid for a while proves nothing about the refresh token behind it.
  const forceRefresh = entry.refreshOnNextCheck || unhealthyForItsToken(entry);
  entry.refreshOnNextCheck = false;
  const token = await runtime.upstream.refreshToken(account, {
    // A forced check proves the refresh token still works, not only the access token in hand.
    minValidityMs: forceRefresh
      ? Number.POSITIVE_INFINITY
      : settings.tokenRefresh.minValidityMinutes * 60_000,
    signal,
  });
  const usage = await runtime.upstream.fetchUsage(account, { signal });
  const model = settings.healthCheck.generationModel;
  if (model !== null && runtime.upstream.probeGeneration !== undefined) {
    await runtime.upstream.probeGeneration(account, { model, signal });
  }
  return { token, usage };
}

/** Runs one upkeep task's upstream calls and applies their results to the account. */
export async function performUpkeepTask(
  runtime: PoolRuntime,
  options: { task: UpkeepTaskName; entry: AccountEntry; signal: AbortSignal },
): Promise<void> {
  const { task, entry, signal } = options;
  switch (task) {
    case 'health_check':
    case 'recovery_probe': {
      const { token, usage } = await checkAccount(runtime, entry, signal);
      const context = runtime.transitionContext();
      runtime.commit(entry, [
        ...(token.refreshed ? recordTokenStatus(entry, token.expiresAt) : []),
        ...recordUsage(entry, usage, context),
        ...recordProbeSuccess(entry, context.now),
      ]);
      return;
    }
    case 'token_refresh': {
      const token = await runtime.upstream.refreshToken(refOf(entry), {
        minValidityMs: runtime.settings().tokenRefresh.minValidityMinutes * 60_000,
        signal,
      });
      entry.state.tokenExpiresAt = token.expiresAt;
      runtime.commit(entry, token.refreshed ? recordTokenStatus(entry, token.expiresAt) : []);
      return;
    }
    case 'usage_sync': {
      const usage = await runtime.upstream.fetchUsage(refOf(entry), { signal });
      runtime.commit(entry, recordUsage(entry, usage, runtime.transitionContext()));
      return;
    }
  }
}

/**
 * Applies a failed upkeep task. A health check is the active health signal: its failures count like a
 * request's. A recovery probe failing only pushes the next probe out (or quarantines on a ban signal).
 * Usage sync and token refresh failures count only when they say something decisive about the account
 * (auth, quarantine, quota): a flaky usage endpoint must not eject accounts that serve fine.
 */
export function applyUpkeepFailure(
  runtime: PoolRuntime,
  options: { task: UpkeepTaskName; entry: AccountEntry; failure: FailureClassification },
): void {
  const { task, entry, failure } = options;
  const context = runtime.transitionContext();
  const changes: AccountChange[] = [];
  switch (task) {
    case 'health_check':
      entry.state.lastHealthCheckAt = context.now;
      changes.push(...recordFailure(entry, failure, context));
      break;
    case 'recovery_probe':
      if (failure.failureClass === 'quarantine') {
        changes.push(...quarantine(entry, failure.reason, context));
      } else if (failure.failureClass === 'quota_exhausted') {
        changes.push(...recordFailure(entry, failure, context));
      }
      if (
        entry.state.health === 'unhealthy' &&
        (failure.failureClass === 'auth' || failure.failureClass === 'misconfigured')
      ) {
        // Still failing, maybe for a new reason: the admin sees the current one.
        entry.state.healthReason = failure.reason;
        noteLastError(entry, failure, context.now);
      }
      scheduleNextProbe(entry, context);
      break;
    case 'usage_sync':
    case 'token_refresh':
      switch (failure.failureClass) {
        case 'auth':
        case 'misconfigured':
          changes.push(...recordFailure(entry, failure, context));
          break;
        case 'quarantine':
        case 'quota_exhausted':
          changes.push(...recordFailure(entry, failure, context));
          break;
        case 'client':
        case 'aborted':
        case 'gateway':
        case 'capacity':
        case 'rate_limited':
        case 'transient':
          break;
      }
      break;
  }
  runtime.commit(entry, changes, { urgent: true });
}
