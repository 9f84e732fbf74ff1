import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged } from '@octoproxy/auth/hono';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { errorResponses, jsonContent } from './schemas/common-schemas';
import { groupBySchema, seriesPointSchema } from './schemas/usage-schemas';

const day = 24 * 60 * 60 * 1000;

const statsSchema = z
  .object({
    users: z
      .object({ total: z.number(), admins: z.number(), users: z.number(), active: z.number() })
      .optional()
      .openapi({ description: 'Admins only.' }),
    apiKeys: z
      .object({
        total: z.number(),
        active: z.number(),
        requestsToday: z.number(),
        totalRequests: z.number(),
      })
      .openapi({ description: "Every key for admins; the caller's own keys for other users." }),
    providers: z
      .object({
        total: z.number(),
        healthy: z.number(),
        recovering: z.number(),
        unhealthy: z.number(),
        disabled: z.number(),
        quarantined: z.number(),
        totalUses: z.number(),
      })
      .optional()
      .openapi({ description: 'Admins only.' }),
    series: z.array(seriesPointSchema).openapi({
      description:
        "Every request for admins; requests made with the caller's keys for other users.",
    }),
  })
  .openapi('Stats');

/**
 * `/api/stats`: the dashboard. Admins see every request plus user and account counts; other users
 * see their own keys and the requests made with them.
 */
export function statsRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/stats', deps.sessionAuth, requirePasswordChanged());
  return app.openapi(
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
      responses: { 200: jsonContent(statsSchema, 'Dashboard data'), ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const user = c.get('user');
      const isAdmin = user.role === 'admin';
      const to = query.to ?? Date.now() + 1;
      const [apiKeys, series] = await Promise.all([
        deps.storage.apiKeys.counts(isAdmin ? {} : { userId: user.id }),
        deps.storage.usageStats.series({
          from: query.from ?? to - day,
          to,
          bucket: query.bucket ?? 'hour',
          groupBy: query.groupBy ?? 'none',
          filter: isAdmin ? {} : { userId: user.id },
          utcOffsetMinutes: query.utcOffsetMinutes ?? 0,
        }),
      ]);
      if (!isAdmin) return c.json({ apiKeys, series }, 200);
      const [users, providers] = await Promise.all([
        deps.storage.users.counts(),
        deps.storage.accounts.counts(),
      ]);
      return c.json({ users, apiKeys, providers, series }, 200);
    },
  );
}
