import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';

import { restartOnlyKeys } from '../../config/config-schema';
import { ConfigError } from '../../config/parse-config-patch';
import { InvalidRequestError } from '@octoproxy/converters';
import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { audit } from './audit';
import { errorResponses, jsonContent } from './schemas/common-schemas';

const configResponseSchema = z
  .object({
    config: z.record(z.string(), z.unknown()),
    overriddenByEnv: z.array(z.string()),
    restartOnlyKeys: z.array(z.string()),
    restartRequired: z.array(z.string()).optional(),
  })
  .openapi('ConfigState');

/** `/api/config` (admins): the effective settings; a PUT validates, persists and applies them live. */
export function configRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/config', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  const state = () => ({
    config: deps.settings.current,
    overriddenByEnv: deps.settings.overriddenByEnv,
    restartOnlyKeys: [...restartOnlyKeys],
  });
  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/config',
        summary: 'The effective configuration',
        responses: { 200: jsonContent(configResponseSchema, 'Configuration'), ...errorResponses },
      }),
      (c) => c.json(state(), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/config',
        summary: 'Change settings; validated, stored and applied without a restart',
        request: {
          body: {
            required: true,
            content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
          },
        },
        responses: { 200: jsonContent(configResponseSchema, 'Applied'), ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        let result;
        try {
          result = await deps.settings.update(body);
        } catch (error) {
          if (error instanceof ConfigError) {
            throw new InvalidRequestError({ message: error.message, param: error.issues[0]?.key });
          }
          throw error;
        }
        await audit(deps.storage, c, {
          action: 'settings.update',
          details: { keys: Object.keys(body) },
        });
        return c.json({ ...state(), restartRequired: result.restartRequired }, 200);
      },
    );
}
