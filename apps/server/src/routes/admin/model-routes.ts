import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged } from '@octoproxy/auth/hono';

import { listModels } from '../../models/list-models';
import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { errorResponses, jsonContent } from './schemas/common-schemas';

const modelSchema = z
  .object({
    id: z.string().openapi({ description: 'The name clients send, e.g. claude-sonnet-4.5.' }),
    displayName: z.string(),
    contextWindow: z.number().openapi({ description: 'Input tokens the model accepts.' }),
    maxOutputTokens: z.number(),
  })
  .openapi('Model');

/** `/api/models` (any logged-in user): the models `/v1/models` lists, for the UI's pickers. */
export function modelRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/models', deps.sessionAuth, requirePasswordChanged());
  return app.openapi(
    createRoute({
      method: 'get',
      path: '/models',
      summary:
        "The models the gateway serves: the accounts' entitlements (a built-in list until one reported any) plus configured aliases",
      responses: {
        200: jsonContent(z.object({ models: z.array(modelSchema) }), 'Models, sorted by id'),
        ...errorResponses,
      },
    }),
    (c) => c.json({ models: listModels(deps) }, 200),
  );
}
