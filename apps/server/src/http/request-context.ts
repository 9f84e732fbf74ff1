import type { MiddlewareHandler } from 'hono';

import type { Logger } from '../logging/create-logger';
import type { AppEnv } from './app-env';
import { newRequestId } from './new-request-id';

/**
 * Gives every request an id (returned as `request-id` and `x-request-id`, the headers the Anthropic and
 * OpenAI SDKs surface) and a child logger carrying it, and logs one line when the handler returns.
 */
export function requestContext(options: { logger: Logger }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = newRequestId();
    const log = options.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    c.header('request-id', requestId);
    c.header('x-request-id', requestId);
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
