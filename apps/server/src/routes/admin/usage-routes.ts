import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';
import type { UsageFilter } from '@octoproxy/storage';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { errorResponses, jsonContent } from './schemas/common-schemas';

const metricsSchema = z.object({
  requests: z.number(),
  errors: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  credits: z.number(),
  avgLatencyMs: z.number().nullable(),
  p95LatencyMs: z.number().nullable(),
  avgFirstByteMs: z.number().nullable(),
});

const summaryRowSchema = metricsSchema.extend({ group: z.string().nullable() }).openapi('UsageRow');
const seriesPointSchema = metricsSchema
  .extend({ bucketStart: z.number(), group: z.string().nullable() })
  .openapi('UsagePoint');

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

const groupBySchema = z.enum(['none', 'apiKey', 'account', 'model', 'user']);
const rangeQuery = z.object({
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  groupBy: groupBySchema.optional(),
  apiKeyId: z.string().optional(),
  model: z.string().optional(),
});

const day = 24 * 60 * 60 * 1000;

/** `/api/usage` (anyone, scoped to their own keys unless admin) and `/api/stats` (admins). */
export function usageRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/usage', deps.sessionAuth, requirePasswordChanged());
  app.use('/stats', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));

  return app
    .openapi(
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
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/stats',
        summary: 'Dashboard: counts and a time series of requests, tokens, errors and latency',
        request: {
          query: z.object({
            from: z.coerce.number().int().optional(),
            to: z.coerce.number().int().optional(),
            bucket: z.enum(['hour', 'day']).optional(),
            groupBy: groupBySchema.optional(),
            utcOffsetMinutes: z.coerce.number().int().min(-720).max(840).optional(),
          }),
        },
        responses: {
          200: jsonContent(
            z.object({
              users: z.object({
                total: z.number(),
                admins: z.number(),
                users: z.number(),
                active: z.number(),
              }),
              apiKeys: z.object({
                total: z.number(),
                active: z.number(),
                requestsToday: z.number(),
                totalRequests: z.number(),
              }),
              providers: z.object({
                total: z.number(),
                healthy: z.number(),
                recovering: z.number(),
                unhealthy: z.number(),
                disabled: z.number(),
                quarantined: z.number(),
                totalUses: z.number(),
              }),
              series: z.array(seriesPointSchema),
            }),
            'Dashboard data',
          ),
          ...errorResponses,
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const to = query.to ?? Date.now() + 1;
        const [users, apiKeys, providers, series] = await Promise.all([
          deps.storage.users.counts(),
          deps.storage.apiKeys.counts(),
          deps.storage.accounts.counts(),
          deps.storage.usageStats.series({
            from: query.from ?? to - day,
            to,
            bucket: query.bucket ?? 'hour',
            groupBy: query.groupBy ?? 'none',
            utcOffsetMinutes: query.utcOffsetMinutes ?? 0,
          }),
        ]);
        return c.json({ users, apiKeys, providers, series }, 200);
      },
    );
}
