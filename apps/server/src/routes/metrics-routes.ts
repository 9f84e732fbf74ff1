import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env';
import type { GatewayMetrics } from '../metrics/gateway-metrics';

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoutes(metrics: GatewayMetrics): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/metrics', async (c) =>
    c.body(await metrics.render(), 200, { 'content-type': metrics.contentType }),
  );
}
