import { Hono } from 'hono';

import type { LiveSettings } from './config/live-settings';
import type { AppEnv } from './http/app-env';
import { liveBodyLimit } from './http/body-limit';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { requestContext } from './http/request-context';
import type { Logger } from './logging/create-logger';
import type { GatewayMetrics } from './metrics/gateway-metrics';
import { healthRoutes, type HealthSnapshot } from './routes/health-routes';
import { metricsRoutes } from './routes/metrics-routes';
import { spaRoutes } from './web/spa-routes';

const mebibyte = 1024 * 1024;

export interface AppDeps {
  settings: LiveSettings;
  logger: Logger;
  metrics: GatewayMetrics;
  /** The built admin SPA (`apps/web/dist`); `undefined` serves no SPA at all. */
  webDistDir: string | undefined;
  health: () => HealthSnapshot;
  /** Route groups mounted at `/` (proxy API, admin API); each is a chained sub-app. */
  routes: readonly Hono<AppEnv>[];
}

/** Builds the whole HTTP application from its dependencies; no module-level state. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext({ logger: deps.logger }));
  app.use(
    '/v1/*',
    liveBodyLimit(() => deps.settings.current.bodyLimitMb * mebibyte),
  );
  app.use(
    '/api/*',
    liveBodyLimit(() => 4 * mebibyte),
  );
  app.onError(errorHandler);
  app.notFound(notFoundHandler);

  app.route('/', healthRoutes({ snapshot: deps.health }));
  app.route('/', metricsRoutes(deps.metrics));
  for (const routes of deps.routes) app.route('/', routes);
  if (deps.webDistDir !== undefined) app.route('/', spaRoutes(deps.webDistDir));
  return app;
}
