import type { Pool, PoolEvent, PoolStats } from '@octoproxy/pool';
import { describe, expect, it } from 'vitest';

import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { wirePoolMetrics } from './pool-metrics';

/** Only the two members wirePoolMetrics reads: the event bus and the stats snapshot. */
function poolEmitting(): { pool: Pool; emit: (event: PoolEvent) => void } {
  const listeners: ((event: PoolEvent) => void)[] = [];
  const pool = {
    subscribe: (listener: (event: PoolEvent) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
    stats: () =>
      ({
        total: 3,
        enabled: 3,
        available: 2,
        healthy: 2,
        recovering: 0,
        unhealthy: 1,
        quarantined: 0,
        coolingDown: 0,
        quotaExhausted: 0,
      }) as unknown as PoolStats,
  } as unknown as Pool;
  return { pool, emit: (event) => listeners.forEach((listener) => listener(event)) };
}

describe('wirePoolMetrics', () => {
  it('counts panic-routed attempts and reports account states at scrape time', async () => {
    const metrics = new GatewayMetrics({ processMetrics: false });
    const { pool, emit } = poolEmitting();
    wirePoolMetrics(pool, metrics);
    const panic = {
      type: 'panic_routed',
      at: 0,
      accountId: 'a',
      attempt: 1,
      model: undefined,
      ejectedUntil: 30_000,
      unavailable: {},
      requestId: undefined,
    } as const;
    emit(panic);
    emit(panic);
    const text = await metrics.render();
    expect(text).toMatch(/^octoproxy_panic_routed_total 2$/m);
    expect(text).toMatch(/^octoproxy_accounts\{state="healthy"\} 2$/m);
  });
});
