import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';

import { InvalidRequestError } from '@octoproxy/converters';

import {
  defaultConfig,
  restartOnlyKeys,
  serverConfigSchema,
  type ServerConfig,
} from '../../config/config-schema';
import { ConfigError } from '../../config/parse-config-patch';
import { readJsonBody } from '../../http/read-json-body';
import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { audit } from './audit';
import { errorResponses, jsonContent } from './schemas/common-schemas';

/** Every setting, with its description and bounds: the Settings page renders from this. */
const serverConfigComponent = serverConfigSchema.openapi('ServerConfig');
/** Any subset of the settings: the body of `PUT /api/config`. */
const serverConfigPatchComponent = serverConfigSchema.partial().openapi('ServerConfigPatch');
const configKeySchema = serverConfigSchema.keyof().openapi('ConfigKey');

const configResponseSchema = z
  .object({
    config: serverConfigComponent,
    defaults: serverConfigComponent,
    overriddenByEnv: z.array(configKeySchema).openapi({
      description: 'Keys an environment variable sets; a stored value for them has no effect.',
    }),
    restartOnlyKeys: z
      .array(configKeySchema)
      .openapi({ description: 'Keys that take effect only after a restart.' }),
    restartRequired: z.array(configKeySchema).optional().openapi({
      description: 'After a PUT: the changed keys that wait for a restart.',
    }),
  })
  .openapi('ConfigState', {
    description:
      '`config`: the effective settings (environment > stored > config file > defaults); `defaults`: the built-in values.',
  });

/** Shown in place of a set metrics token: the admin API never sends a secret back. */
export const hiddenSecret = '*'.repeat(16);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withSecretsHidden(config: ServerConfig): ServerConfig {
  return config.metricsToken === null ? config : { ...config, metricsToken: hiddenSecret };
}

/** `/api/config` (admins): the effective settings; a PUT validates, persists and applies them live. */
export function configRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.openAPIRegistry.register('ServerConfigPatch', serverConfigPatchComponent);
  app.use('/config', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  const state = () => ({
    config: withSecretsHidden(deps.settings.current),
    defaults: defaultConfig,
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
          // Documented as ServerConfigPatch; validated by the settings themselves, which name the
          // key at fault, reject unknown keys and ignore the original config's retired ones.
          body: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ServerConfigPatch' },
              },
            },
          },
        },
        responses: { 200: jsonContent(configResponseSchema, 'Applied'), ...errorResponses },
      }),
      async (c) => {
        const body = await readJsonBody(c);
        // A config read back and sent whole keeps the stored token, not its placeholder.
        if (isRecord(body) && body.metricsToken === hiddenSecret) delete body.metricsToken;
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
