import type { MiddlewareHandler } from 'hono';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminApi, openApiConfig } from './admin-routes';

/**
 * The admin API's OpenAPI document without opening a database: the document depends only on the
 * route definitions, so the services are stand-ins that are never called.
 */
export function adminOpenApiDocument(): unknown {
  const unused = new Proxy(
    {},
    {
      get: (_target, property) => {
        throw new Error(`adminOpenApiDocument: ${String(property)} is not available here`);
      },
    },
  );
  const middleware: MiddlewareHandler<AdminEnv> = (_c, next) => next();
  const deps = {
    storage: unused,
    settings: unused,
    hasher: unused,
    login: unused,
    sessions: unused,
    cookie: unused,
    accounts: unused,
    transfer: unused,
    models: unused,
    sessionAuth: middleware,
    trustedOrigins: [],
  } as unknown as AdminDeps;
  return adminApi(deps).getOpenAPIDocument(openApiConfig);
}
