import { timingSafeEqual } from 'node:crypto';

import { OctoProxyError } from '@octoproxy/converters';
import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env';
import type { GatewayMetrics } from '../metrics/gateway-metrics';

/** `/metrics` is protected by a token and the scraper sent none, or another. */
class MetricsTokenError extends OctoProxyError {
  constructor() {
    super({
      kind: 'authentication',
      fault: 'client',
      code: 'invalid_metrics_token',
      message: 'GET /metrics needs the metrics token: send "Authorization: Bearer <metricsToken>".',
    });
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `GET /metrics` in the Prometheus text format; with a `metricsToken` set, only for its bearer. */
export function metricsRoutes(
  metrics: GatewayMetrics,
  token: () => string | null = () => null,
): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    const expected = token();
    if (expected !== null) {
      const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(given, expected)) throw new MetricsTokenError();
    }
    return c.body(await metrics.render(), 200, { 'content-type': metrics.contentType });
  });
}
