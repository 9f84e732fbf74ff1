import type { MiddlewareHandler } from 'hono';

import type { ExchangeDeps } from './exchange-deps';
import type { PrepareDeps } from './prepare-request';
import type { ProxyEnv } from './proxy-env';

/** Everything the proxy routes need. */
export interface ProxyDeps extends ExchangeDeps, PrepareDeps {
  /** API-key authentication (`apiKeyAuth` from `@octoproxy/auth/hono`). */
  apiKeyAuth: MiddlewareHandler<ProxyEnv>;
}
