import { Hono } from 'hono';

import type { LiveSettings } from './config/live-settings';
import { allowedHostNames, allowedHostsGuard } from './http/allowed-hosts';
import type { AppEnv } from './http/app-env';
import { liveBodyLimit } from './http/body-limit';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { jsonDepthLimit } from './http/json-depth-limit';
import { requestContext } from './http/request-context';
import { securityHeaders } from './http/security-headers';
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
  /** The address the server listens on (default: the `host` setting); the admin API answers to it. */
  listenHost?: string | undefined;
}

/** Builds the whole HTTP application from its dependencies; no module-level state. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext({ logger: deps.logger }));
  app.use('*', securityHeaders());
  const hostNames = () =>
    allowedHostNames({
      listenHost: deps.listenHost ?? deps.settings.current.host,
      allowedHosts: deps.settings.current.allowedHosts,
      trustedOrigins: deps.settings.current.trustedOrigins,
    });
  let allowedHosts = hostNames();
  deps.settings.onChange(() => {
    allowedHosts = hostNames();
  });
  app.use(
    '/api/*',
    allowedHostsGuard(() => allowedHosts),
  );
  app.use(
    '/v1/*',
    liveBodyLimit(() => deps.settings.current.bodyLimitMb * mebibyte),
  );
  app.use(
    '/api/*',
    liveBodyLimit(() => 4 * mebibyte),
  );
  app.use('/v1/*', jsonDepthLimit());
  app.use('/api/*', jsonDepthLimit());
  app.onError(errorHandler);
  app.notFound(notFoundHandler);

  app.route('/', healthRoutes({ snapshot: deps.health }));
  app.route(
    '/',
    metricsRoutes(deps.metrics, () => deps.settings.current.metricsToken),
  );
  for (const routes of deps.routes) app.route('/', routes);
  if (deps.webDistDir !== undefined) app.route('/', spaRoutes(deps.webDistDir));
  return app;
}
