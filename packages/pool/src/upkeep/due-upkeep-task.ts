import type { AccountEntry } from '../account/account-entry';
import type { UpkeepTaskName } from '../events/pool-events';
import type { PoolSettings } from '../settings/pool-settings';

/** A requested usage sync (stale numbers) is retried at most this often. */
const requestedSyncSpacingMs = 60_000;

function elapsedSince(entry: AccountEntry, task: UpkeepTaskName, now: number): number {
  const last = entry.lastUpkeep[task];
  return last === undefined ? Number.POSITIVE_INFINITY : now - last;
}

/**
 * The one upkeep task an account needs most right now, or undefined. Unhealthy and quarantined accounts
 * only get recovery probes (on their backoff schedule); the others get, in order: a health check, a
 * token refresh check, a usage sync, each on its own interval from the live settings.
 */
export function dueUpkeepTask(
  entry: AccountEntry,
  options: { now: number; settings: PoolSettings },
): UpkeepTaskName | undefined {
  const { now, settings } = options;
  const { config, state } = entry;
  if (!config.enabled || entry.upkeepBusy) return undefined;
  if (state.quarantine !== null || state.health === 'unhealthy') {
    return state.nextProbeAt !== null && state.nextProbeAt <= now ? 'recovery_probe' : undefined;
  }
  const minutes = (value: number) => value * 60_000;
  if (settings.healthCheck.enabled) {
    const lastCheck = Math.max(
      state.lastHealthCheckAt ?? Number.NEGATIVE_INFINITY,
      entry.lastUpkeep.health_check ?? Number.NEGATIVE_INFINITY,
    );
    if (now - lastCheck >= minutes(settings.healthCheck.intervalMinutes)) return 'health_check';
  }
  if (
    settings.tokenRefresh.enabled &&
    elapsedSince(entry, 'token_refresh', now) >= minutes(settings.tokenRefresh.checkIntervalMinutes)
  ) {
    return 'token_refresh';
  }
  if (settings.usageSync.enabled) {
    const sinceSync = state.usage === null ? Number.POSITIVE_INFINITY : now - state.usage.syncedAt;
    const sinceAttempt = elapsedSince(entry, 'usage_sync', now);
    const interval = minutes(settings.usageSync.intervalMinutes);
    if (sinceSync >= interval && sinceAttempt >= interval) return 'usage_sync';
    if (entry.usageSyncRequested && sinceAttempt >= requestedSyncSpacingMs) return 'usage_sync';
  }
  return undefined;
}
