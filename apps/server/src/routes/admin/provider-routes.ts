import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { addProvider } from './add-provider';
import { audit } from './audit';
import { deleteByIdRoute } from './delete-by-id-route';
import { notFound } from './not-found';
import { errorResponses, idParamSchema, jsonBody, jsonContent } from './schemas/common-schemas';
import { addProviderInputSchema } from './schemas/direct-add-schemas';
import {
  kiroCredentialsSchema,
  providerInputSchema,
  providerPatchSchema,
  providerSchema,
  toProviderDto,
} from './schemas/provider-schemas';

const providerResponse = jsonContent(z.object({ provider: providerSchema }), 'The provider');

/** `/api/providers`: the upstream Kiro accounts (admins only). Credentials never come back. */
export function providerRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/providers', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  app.use('/providers/*', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  const load = async (id: string) => {
    const account = await deps.storage.accounts.get(id);
    if (account === undefined) throw notFound('provider', id);
    return account;
  };

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/providers',
        summary: 'List providers (accounts)',
        responses: {
          200: jsonContent(z.object({ providers: z.array(providerSchema) }), 'Providers'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const accounts = await deps.storage.accounts.listAll();
        return c.json({ providers: accounts.map(toProviderDto) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers',
        summary:
          "Add a provider: Kiro's token file, an Entra ID (external IdP) token file or a Kiro API key (ksk_…); validated with Kiro first",
        request: jsonBody(addProviderInputSchema),
        responses: { 201: providerResponse, 200: providerResponse, ...errorResponses },
      }),
      async (c) => {
        const outcome = await addProvider(deps, c.req.valid('json'));
        await audit(deps.storage, c, {
          action: outcome.status === 'updated' ? 'account.update' : 'account.create',
          targetType: 'account',
          targetId: outcome.account.id,
          details: { authMethod: outcome.account.authMethod, validated: outcome.validated },
        });
        return c.json(
          { provider: toProviderDto(outcome.account) },
          outcome.status === 'updated' ? 200 : 201,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/import',
        summary: 'Import several providers at once (all or nothing)',
        request: jsonBody(
          z.object({
            providers: z.array(providerInputSchema).min(1).max(500).optional(),
            tokens: z.array(kiroCredentialsSchema).min(1).max(500).optional(),
          }),
        ),
        responses: {
          201: jsonContent(z.object({ providers: z.array(providerSchema) }), 'Imported'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const inputs = [
          ...(body.providers ?? []),
          ...(body.tokens ?? []).map((credentials) => ({ credentials })),
        ];
        const accounts = await deps.accounts.createMany(inputs);
        for (const account of accounts)
          await audit(deps.storage, c, {
            action: 'account.import',
            targetType: 'account',
            targetId: account.id,
          });
        return c.json({ providers: accounts.map(toProviderDto) }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/providers/{id}',
        summary: 'One provider',
        request: { params: idParamSchema },
        responses: { 200: providerResponse, ...errorResponses },
      }),
      async (c) => c.json({ provider: toProviderDto(await load(c.req.valid('param').id)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/providers/{id}',
        summary: 'Edit a provider (new credentials replace the old ones)',
        request: { params: idParamSchema, ...jsonBody(providerPatchSchema) },
        responses: { 200: providerResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const account = await deps.accounts.update(id, c.req.valid('json'));
        if (account === undefined) throw notFound('provider', id);
        await audit(deps.storage, c, {
          action: 'account.update',
          targetType: 'account',
          targetId: id,
        });
        return c.json({ provider: toProviderDto(account) }, 200);
      },
    )
    .openapi(
      deleteByIdRoute({ path: '/providers/{id}', summary: 'Delete a provider' }),
      async (c) => {
        const { id } = c.req.valid('param');
        if (!(await deps.accounts.remove(id))) throw notFound('provider', id);
        await audit(deps.storage, c, {
          action: 'account.delete',
          targetType: 'account',
          targetId: id,
        });
        return c.json({ ok: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/{id}/health-check',
        summary:
          'Check the provider now: refresh its token, then call the API host, region and profile a chat call uses (no quota spent)',
        request: { params: idParamSchema },
        responses: {
          200: jsonContent(
            z.object({
              healthy: z.boolean(),
              error: z.string().nullable(),
              provider: providerSchema,
            }),
            'The verdict',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await load(id);
        const verdict = await deps.accounts.healthCheck(id);
        return c.json({ ...verdict, provider: toProviderDto(await load(id)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/{id}/reset',
        summary:
          'Clear cooldown, quarantine and unhealthy state (the admin vouches for the account)',
        request: { params: idParamSchema },
        responses: { 200: providerResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await load(id);
        await deps.accounts.reset(id);
        await audit(deps.storage, c, {
          action: 'account.reset',
          targetType: 'account',
          targetId: id,
        });
        return c.json({ provider: toProviderDto(await load(id)) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/providers/{id}/refresh-token',
        summary: 'Refresh the upstream token now',
        request: { params: idParamSchema },
        responses: {
          200: jsonContent(
            z.object({ message: z.string(), expiresAt: z.number().nullable() }),
            'Refreshed',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await load(id);
        const { expiresAt } = await deps.accounts.refreshToken(id);
        await audit(deps.storage, c, {
          action: 'account.refresh-token',
          targetType: 'account',
          targetId: id,
        });
        return c.json({ message: 'Token refreshed.', expiresAt }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/providers/{id}/usage',
        summary: 'The provider’s quota; `?refresh=true` asks the upstream first',
        request: {
          params: idParamSchema,
          query: z.object({ refresh: z.enum(['true', 'false']).optional() }),
        },
        responses: { 200: providerResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        await load(id);
        if (c.req.valid('query').refresh === 'true') await deps.accounts.syncUsage(id);
        return c.json({ provider: toProviderDto(await load(id)) }, 200);
      },
    );
}
