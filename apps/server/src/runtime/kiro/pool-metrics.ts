import type { Pool, PoolEvent } from '@octoproxy/pool';

import type { GatewayMetrics } from '../../metrics/gateway-metrics';

/** Feeds the pool's events into the Prometheus metrics. */
export function wirePoolMetrics(pool: Pool, metrics: GatewayMetrics): () => void {
  metrics.accountStates = () => {
    const stats = pool.stats();
    return {
      total: stats.total,
      enabled: stats.enabled,
      available: stats.available,
      healthy: stats.healthy,
      recovering: stats.recovering,
      unhealthy: stats.unhealthy,
      quarantined: stats.quarantined,
      cooling_down: stats.coolingDown,
      quota_exhausted: stats.quotaExhausted,
    };
  };
  return pool.subscribe((event: PoolEvent) => {
    switch (event.type) {
      case 'account_selected':
        if (event.sticky === 'hit') metrics.stickyLookups.inc({ result: 'hit' });
        else if (event.sticky !== 'none') metrics.stickyLookups.inc({ result: 'miss' });
        return;
      case 'attempt_failed':
        metrics.upstreamAttempts.inc({ outcome: event.failure.failureClass });
        if (event.willRetry) metrics.failovers.inc();
        return;
      case 'request_committed':
        metrics.upstreamAttempts.inc({ outcome: 'success' });
        return;
      case 'account_changed':
        if (event.detail.change === 'cooldown_started') {
          metrics.cooldowns.inc({ reason: event.detail.cause });
        } else if (event.detail.change === 'quarantined') {
          metrics.cooldowns.inc({ reason: 'quarantine' });
        } else if (event.detail.change === 'quota_exhausted') {
          metrics.cooldowns.inc({ reason: 'quota_exhausted' });
        }
        return;
      case 'upkeep_task':
        if (event.task === 'token_refresh' && event.outcome !== 'ok') metrics.refreshFailures.inc();
        return;
      case 'panic_routed':
        metrics.panicRouted.inc();
        return;
      case 'request_failed':
      case 'lease_settled':
      case 'no_eligible_account':
      case 'retry_budget_exhausted':
      case 'persist_failed':
      case 'settings_updated':
      case 'accounts_loaded':
        return;
    }
  });
}
