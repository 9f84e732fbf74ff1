import type { Hono } from 'hono';

import { LiveSettings, MemorySettingsStore } from '../../src/config/live-settings';
import { createApp } from '../../src/create-app';
import type { AppEnv } from '../../src/http/app-env';
import { GatewayMetrics } from '../../src/metrics/gateway-metrics';
import { captureLogs } from './log-capture';

/** The app shell serving the SPA build in `webDistDir`, with `routes` as its API. */
export async function appWithSpa(webDistDir: string, routes: Hono<AppEnv>): Promise<Hono<AppEnv>> {
  const settings = await LiveSettings.open({ file: {}, env: {}, store: new MemorySettingsStore() });
  return createApp({
    settings,
    logger: captureLogs().logger,
    metrics: new GatewayMetrics({ processMetrics: false }),
    webDistDir,
    health: () => ({}),
    routes: [routes],
  });
}
