import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

import type { ApiKeyAuthenticator } from '../api-keys/api-key-authenticator';
import type { ApiKeyEnv } from './auth-env';
import { readApiKey } from './credentials';

export interface ApiKeyAuthOptions {
  authenticator: ApiKeyAuthenticator;
  /**
   * Whether a request counts against the key's daily limit and counters. Default: every request.
   * Pass e.g. `(c) => c.req.path !== '/v1/models'` to leave cheap reads uncounted.
   */
  countUsage?: boolean | ((c: Context) => boolean);
}

/**
 * API-key auth for the proxy routes. On success `c.get('apiKey')` holds the key; failures throw
 * `AuthenticationError` (401) or `RateLimitError` (429 with `retryAfterSeconds`), which the app's
 * `onError` renders in the caller's protocol.
 */
export function apiKeyAuth(options: ApiKeyAuthOptions): MiddlewareHandler<ApiKeyEnv> {
  const { authenticator, countUsage = true } = options;
  return createMiddleware<ApiKeyEnv>(async (c, next) => {
    const apiKey = await authenticator.authenticate(readApiKey(c), {
      countUsage: typeof countUsage === 'function' ? countUsage(c) : countUsage,
    });
    c.set('apiKey', apiKey);
    await next();
  });
}
