import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env';

export interface HealthSnapshot {
  /** Accounts able to serve now, and all accounts. */
  accounts?: { available: number; total: number };
}

/**
 * `GET /health`: no auth, for load balancers and container health checks.
 * `GET|HEAD /api/hello`: no auth, the probe Claude Code sends to `ANTHROPIC_BASE_URL` at start-up to
 * warm the connection (the Anthropic API answers it with 200); without it every session logs a 404.
 */
export function healthRoutes(options: { snapshot: () => HealthSnapshot }): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/health', (c) =>
      c.json({ status: 'ok', timestamp: new Date().toISOString(), ...options.snapshot() }),
    )
    .get('/api/hello', (c) => c.json({ message: 'hello' }));
}
