import type { OpenAPIHono } from '@hono/zod-openapi';
import { csrfProtection } from '@octoproxy/auth/hono';

import { accountTransferRoutes } from './account-transfer-routes';
import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { apiKeyRoutes } from './api-key-routes';
import { authRoutes } from './auth-routes';
import { configRoutes } from './config-routes';
import { logRoutes } from './log-routes';
import { modelRoutes } from './model-routes';
import { providerRoutes } from './provider-routes';
import { signInRoutes } from './sign-in-routes';
import { statsRoutes } from './stats-routes';
import { usageRoutes } from './usage-routes';
import { userRoutes } from './user-routes';

export const openApiConfig = {
  openapi: '3.0.3',
  info: { title: 'OctoProxy admin API', version: '1' },
  servers: [{ url: '/api' }],
  security: [{ session: [] }],
};

/** The admin API with paths relative to `/api`, and its OpenAPI document at `/openapi.json`. */
export function adminApi(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const api = adminRouter();
  api.use('*', csrfProtection({ trustedOrigins: deps.trustedOrigins }));
  api
    .route('/', authRoutes(deps))
    .route('/', userRoutes(deps))
    .route('/', apiKeyRoutes(deps))
    .route('/', accountTransferRoutes(deps))
    .route('/', providerRoutes(deps))
    .route('/', signInRoutes(deps))
    .route('/', usageRoutes(deps))
    .route('/', statsRoutes(deps))
    .route('/', logRoutes(deps))
    .route('/', configRoutes(deps))
    .route('/', modelRoutes(deps));
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'http',
    scheme: 'bearer',
    description: 'The session token from POST /api/login (the admin UI uses the cookie instead).',
  });
  api.doc('/openapi.json', openApiConfig);
  return api;
}

/** The whole admin API under `/api`. */
export function adminRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const api = adminApi(deps);
  const root = adminRouter();
  root.route('/api', api);
  return root;
}
