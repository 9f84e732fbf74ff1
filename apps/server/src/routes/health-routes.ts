import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env';

export interface HealthSnapshot {
  /** Accounts able to serve now, and all accounts. */
  accounts?: { available: number; total: number };
}

/** `GET /health`: no auth, for load balancers and container health checks. */
export function healthRoutes(options: { snapshot: () => HealthSnapshot }): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', (c) =>
    c.json({ status: 'ok', timestamp: new Date().toISOString(), ...options.snapshot() }),
  );
}
