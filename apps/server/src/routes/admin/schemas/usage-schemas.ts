import { z } from '@hono/zod-openapi';

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

export const summaryRowSchema = metricsSchema
  .extend({ group: z.string().nullable() })
  .openapi('UsageRow');

export const seriesPointSchema = metricsSchema
  .extend({ bucketStart: z.number(), group: z.string().nullable() })
  .openapi('UsagePoint');

export const groupBySchema = z.enum(['none', 'apiKey', 'account', 'model', 'user']);
