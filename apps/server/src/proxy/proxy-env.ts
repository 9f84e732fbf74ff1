import type { ApiKeyVariables } from '@octoproxy/auth/hono';

import type { AppVariables } from '../http/app-env';

/** Hono env of the proxy routes: the app's variables plus the authenticated API key. */
export interface ProxyEnv {
  Variables: AppVariables &
    ApiKeyVariables & {
      /** Set once the exchange owns the request log entry (it records how the answer ended). */
      exchangeStarted?: boolean;
    };
}
