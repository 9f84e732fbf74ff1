import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged } from '@octoproxy/auth/hono';
import type { RequestLogQuery } from '@octoproxy/storage';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { errorResponses, jsonContent, pageQuerySchema } from './schemas/common-schemas';

const requestAttemptSchema = z
  .object({
    accountId: z.string(),
    accountName: z
      .string()
      .nullable()
      .openapi({ description: 'The account’s current name; null once it was deleted.' }),
    outcome: z.string().openapi({
      description:
        '`success`, the failure class (`misconfigured`, `transient`…), or `stream_failed` when the stream broke after its first event.',
    }),
    reason: z.string().nullable().openapi({ description: 'e.g. `unknown_host`, `throttled`.' }),
    message: z.string().nullable(),
    durationMs: z.number().nullable(),
  })
  .openapi('RequestAttempt');

const requestAdaptationSchema = z
  .object({
    kind: z.string().openapi({ description: 'e.g. `tool_dropped`, `field_translated`.' }),
    detail: z.string().openapi({ description: 'What was changed and how.' }),
  })
  .openapi('RequestAdaptation');

const requestLogSchema = z
  .object({
    id: z.number(),
    createdAt: z.number(),
    requestId: z.string().nullable(),
    apiKeyId: z.string().nullable(),
    userId: z.string().nullable(),
    accountId: z.string().nullable(),
    route: z.string(),
    modelRequested: z.string().nullable(),
    modelSent: z.string().nullable(),
    stream: z.boolean(),
    status: z.number(),
    errorClass: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z
      .string()
      .nullable()
      .openapi({ description: 'What the client was told went wrong.' }),
    inputTokens: z.number(),
    outputTokens: z.number(),
    cacheReadTokens: z.number(),
    cacheWriteTokens: z.number(),
    credits: z.number().nullable(),
    latencyMs: z.number(),
    firstByteMs: z.number().nullable(),
    attemptCount: z.number().openapi({ description: 'Upstream attempts made.' }),
    attempts: z.array(requestAttemptSchema).openapi({
      description:
        'Each upstream attempt in order: which account, how it ended (empty for requests logged before attempts were kept).',
    }),
    adaptations: z.array(requestAdaptationSchema).openapi({
      description:
        'What the gateway changed in the request so the upstream takes it, as the x-octoproxy-adapted response header listed it (empty when nothing was).',
    }),
    clientIp: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi('RequestLog');

/** `/api/logs`: the request log, newest first, paged and filterable; non-admins see their own. */
export function logRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/logs', deps.sessionAuth, requirePasswordChanged());
  return app.openapi(
    createRoute({
      method: 'get',
      path: '/logs',
      summary: 'Request log',
      request: {
        query: pageQuerySchema.extend({
          from: z.coerce.number().int().optional(),
          to: z.coerce.number().int().optional(),
          apiKeyId: z.string().optional(),
          accountId: z.string().optional(),
          userId: z.string().optional(),
          model: z.string().optional(),
          route: z.string().optional(),
          outcome: z.enum(['success', 'error']).optional(),
          status: z.coerce.number().int().optional(),
        }),
      },
      responses: {
        200: jsonContent(
          z.object({
            logs: z.array(requestLogSchema),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
          'A page of the log',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = c.get('user');
      const query: RequestLogQuery = Object.fromEntries(
        Object.entries(c.req.valid('query')).filter(([, value]) => value !== undefined),
      );
      if (user.role !== 'admin') query.userId = user.id;
      const page = await deps.storage.requestLogs.list(query);
      const names = new Map(
        (await deps.storage.accounts.listAll()).map((account) => [account.id, account.name]),
      );
      const logs = page.items.map(({ attemptLog, attempts, adaptations, ...log }) => ({
        ...log,
        adaptations: adaptations ?? [],
        attemptCount: attempts,
        attempts: (attemptLog ?? []).map((attempt) => ({
          ...attempt,
          accountName: names.get(attempt.accountId) ?? null,
        })),
      }));
      return c.json({ logs, total: page.total, limit: page.limit, offset: page.offset }, 200);
    },
  );
}
