import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged } from '@octoproxy/auth/hono';
import type { UsageFilter } from '@octoproxy/storage';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { errorResponses, jsonContent } from './schemas/common-schemas';
import { groupBySchema, summaryRowSchema } from './schemas/usage-schemas';

const day = 24 * 60 * 60 * 1000;

const accountQuotaSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    plan: z.string().nullable(),
    usage: z.object({ used: z.number(), limit: z.number(), percent: z.number() }).nullable(),
    exhausted: z.boolean(),
    lastSync: z.number().nullable(),
    resetsAt: z.number().nullable(),
  })
  .openapi('AccountQuota');

const rangeQuery = z.object({
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  groupBy: groupBySchema.optional(),
  apiKeyId: z.string().optional(),
  model: z.string().optional(),
});

/** `/api/usage`: anyone, scoped to their own keys unless admin. */
export function usageRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/usage', deps.sessionAuth, requirePasswordChanged());

  return app.openapi(
    createRoute({
      method: 'get',
      path: '/usage',
      summary: 'Request usage by group, plus account quotas for admins',
      request: { query: rangeQuery },
      responses: {
        200: jsonContent(
          z.object({ usage: z.array(summaryRowSchema), providers: z.array(accountQuotaSchema) }),
          'Usage',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const user = c.get('user');
      const filter: UsageFilter = {};
      if (user.role !== 'admin') filter.userId = user.id;
      if (query.apiKeyId !== undefined) filter.apiKeyId = query.apiKeyId;
      if (query.model !== undefined) filter.model = query.model;
      const usage = await deps.storage.usageStats.summary({
        from: query.from ?? Date.now() - 30 * day,
        to: query.to ?? Date.now() + 1,
        groupBy: query.groupBy ?? 'apiKey',
        filter,
      });
      const providers =
        user.role === 'admin'
          ? (await deps.storage.accounts.listAll()).map((account) => {
              const { usageUsed: used, usageLimit: limit } = account;
              const known = used !== null && limit !== null && limit > 0;
              return {
                id: account.id,
                name: account.name,
                plan: account.plan,
                usage: known ? { used, limit, percent: (used / limit) * 100 } : null,
                exhausted: known && used >= limit,
                lastSync: account.usageSyncedAt,
                resetsAt: account.usageResetsAt,
              };
            })
          : [];
      return c.json({ usage, providers }, 200);
    },
  );
}
