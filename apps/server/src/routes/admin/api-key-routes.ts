import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { PermissionError, mintApiKey } from '@octoproxy/auth';
import { requirePasswordChanged } from '@octoproxy/auth/hono';
import { InvalidRequestError } from '@octoproxy/converters';
import type { ApiKey, ApiKeyPatch } from '@octoproxy/storage';
import type { Context, Input } from 'hono';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { audit } from './audit';
import { deleteByIdRoute } from './delete-by-id-route';
import { notFound } from './not-found';
import {
  apiKeySchema,
  createApiKeySchema,
  toApiKeyDto,
  toEpochMs,
  updateApiKeySchema,
  type CreateApiKeyBody,
} from './schemas/api-key-schemas';
import { userKeyPolicySchema } from '../../config/user-key-policy';
import {
  errorResponses,
  idParamSchema,
  jsonBody,
  jsonContent,
  pageQuerySchema,
} from './schemas/common-schemas';

/** Fields of a key that only an admin sets; a user's own keys get them from `userKeyPolicy`. */
const adminOnlyFields = [
  'dailyLimit',
  'rateLimitPerMinute',
  'allowedModels',
  'expiresAt',
  'userId',
];

function refuseAdminOnlyFields(body: Record<string, unknown>): void {
  const named = adminOnlyFields.filter((field) => body[field] !== undefined);
  if (named.length === 0) return;
  throw new PermissionError({
    code: 'forbidden',
    message: `Only an admin can set ${named.join(', ')} on an API key; you may change its name and whether it is active.`,
  });
}

/**
 * `/api/api-keys`: any logged-in user manages their own keys; admins see and manage all of them.
 * A user's keys take their limits from the admin's `userKeyPolicy`; only admins change limits.
 * The key itself is returned once, by the create call.
 */
export function apiKeyRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/api-keys', deps.sessionAuth, requirePasswordChanged());
  app.use('/api-keys/*', deps.sessionAuth, requirePasswordChanged());

  /** A key the caller may see; others' keys are "not found" to non-admins. */
  const loadOwn = async <P extends string, I extends Input>(
    c: Context<AdminEnv, P, I>,
    id: string,
  ): Promise<ApiKey> => {
    const key = await deps.storage.apiKeys.get(id);
    const user = c.get('user');
    if (key === undefined || (user.role !== 'admin' && key.userId !== user.id)) {
      throw notFound('API key', id);
    }
    return key;
  };

  const assertUserExists = async (userId: string) => {
    if ((await deps.storage.users.get(userId)) !== undefined) return;
    throw new InvalidRequestError({
      code: 'unknown_user',
      param: 'userId',
      message: `No user has the id '${userId}'.`,
    });
  };
  /** An admin's key: the limits asked for, for an owner that exists. */
  const adminKeyLimits = async (adminId: string, body: CreateApiKeyBody) => {
    const owner = body.userId ?? adminId;
    await assertUserExists(owner);
    return {
      userId: owner,
      dailyRequestLimit: body.dailyLimit ?? null,
      rateLimitPerMinute: body.rateLimitPerMinute ?? null,
      allowedModels: body.allowedModels ?? null,
      expiresAt: toEpochMs(body.expiresAt) ?? null,
    };
  };
  /** A user's own key: the policy's limits, within the policy's key count. */
  const policyKeyLimits = async (userId: string, body: CreateApiKeyBody) => {
    refuseAdminOnlyFields(body);
    const policy = deps.settings.current.userKeyPolicy;
    const held = (await deps.storage.apiKeys.list({ userId, limit: 1 })).total;
    if (held >= policy.maxKeys) {
      throw new PermissionError({
        code: 'forbidden',
        message:
          policy.maxKeys === 0
            ? 'Only an admin can create API keys on this server.'
            : `You already have ${held} API key${held === 1 ? '' : 's'}, the most this server allows (${policy.maxKeys}); delete one or ask an admin.`,
      });
    }
    return {
      userId,
      dailyRequestLimit: policy.dailyLimit,
      rateLimitPerMinute: policy.rateLimitPerMinute,
      allowedModels: policy.allowedModels,
      expiresAt: null,
    };
  };

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/api-keys/policy',
        summary: 'The limits keys created by non-admin users get, set by an admin in userKeyPolicy',
        responses: {
          200: jsonContent(z.object({ policy: userKeyPolicySchema }), 'The policy'),
          ...errorResponses,
        },
      }),
      (c) => c.json({ policy: deps.settings.current.userKeyPolicy }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api-keys',
        summary: 'List API keys (your own unless you are an admin)',
        request: { query: pageQuerySchema.extend({ userId: z.string().optional() }) },
        responses: {
          200: jsonContent(
            z.object({ apiKeys: z.array(apiKeySchema), total: z.number() }),
            'API keys',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const user = c.get('user');
        const query = c.req.valid('query');
        const userId = user.role === 'admin' ? query.userId : user.id;
        const page = await deps.storage.apiKeys.list({
          ...(userId === undefined ? {} : { userId }),
          ...(query.limit === undefined ? {} : { limit: query.limit }),
          ...(query.offset === undefined ? {} : { offset: query.offset }),
        });
        return c.json({ apiKeys: page.items.map(toApiKeyDto), total: page.total }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api-keys',
        summary: 'Create an API key; the key is in this response only',
        request: jsonBody(createApiKeySchema),
        responses: {
          201: jsonContent(
            z.object({ apiKey: apiKeySchema.extend({ key: z.string() }) }),
            'Created; store the key now',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const user = c.get('user');
        const limits =
          user.role === 'admin'
            ? await adminKeyLimits(user.id, body)
            : await policyKeyLimits(user.id, body);
        const minted = mintApiKey();
        const created = await deps.storage.apiKeys.create({
          keyHash: minted.keyHash,
          displayPrefix: minted.display.split('…')[0] ?? '',
          last4: minted.key.slice(-4),
          name: body.name ?? 'API key',
          ...limits,
        });
        await audit(deps.storage, c, {
          action: 'api-key.create',
          targetType: 'api-key',
          targetId: created.id,
        });
        return c.json({ apiKey: { ...toApiKeyDto(created), key: minted.key } }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api-keys/{id}',
        summary: 'One API key',
        request: { params: idParamSchema },
        responses: {
          200: jsonContent(z.object({ apiKey: apiKeySchema }), 'The key'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ apiKey: toApiKeyDto(await loadOwn(c, c.req.valid('param').id)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/api-keys/{id}',
        summary: 'Edit an API key (limits, name, active); owners change only for admins',
        request: { params: idParamSchema, ...jsonBody(updateApiKeySchema) },
        responses: {
          200: jsonContent(z.object({ apiKey: apiKeySchema }), 'Updated'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await loadOwn(c, id);
        const body = c.req.valid('json');
        if (c.get('user').role !== 'admin') refuseAdminOnlyFields(body);
        const patch: ApiKeyPatch = {};
        if (body.name !== undefined) patch.name = body.name;
        if (body.isActive !== undefined) patch.active = body.isActive;
        if (body.dailyLimit !== undefined) patch.dailyRequestLimit = body.dailyLimit;
        if (body.rateLimitPerMinute !== undefined)
          patch.rateLimitPerMinute = body.rateLimitPerMinute;
        if (body.allowedModels !== undefined) patch.allowedModels = body.allowedModels;
        const expiresAt = toEpochMs(body.expiresAt);
        if (expiresAt !== undefined) patch.expiresAt = expiresAt;
        if (body.userId !== undefined) {
          await assertUserExists(body.userId);
          patch.userId = body.userId;
        }
        const updated = await deps.storage.apiKeys.update(id, patch);
        if (updated === undefined) throw notFound('API key', id);
        await audit(deps.storage, c, {
          action: 'api-key.update',
          targetType: 'api-key',
          targetId: id,
        });
        return c.json({ apiKey: toApiKeyDto(updated) }, 200);
      },
    )
    .openapi(
      deleteByIdRoute({ path: '/api-keys/{id}', summary: 'Revoke and delete an API key' }),
      async (c) => {
        const { id } = c.req.valid('param');
        await loadOwn(c, id);
        await deps.storage.apiKeys.delete(id);
        await audit(deps.storage, c, {
          action: 'api-key.delete',
          targetType: 'api-key',
          targetId: id,
        });
        return c.json({ ok: true as const }, 200);
      },
    );
}
