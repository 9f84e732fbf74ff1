import { z } from '@hono/zod-openapi';
import type { ApiKey } from '@octoproxy/storage';

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    keyPrefix: z
      .string()
      .openapi({ description: 'Prefix and last four characters, e.g. sk-octo-…a1B2' }),
    userId: z.string().nullable(),
    dailyLimit: z.number().nullable(),
    rateLimitPerMinute: z.number().nullable(),
    allowedModels: z.array(z.string()).nullable(),
    expiresAt: z.number().nullable(),
    isActive: z.boolean(),
    requestsToday: z.number(),
    totalRequests: z.number(),
    totalInputTokens: z.number(),
    totalOutputTokens: z.number(),
    lastUsedAt: z.number().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('ApiKey');

export type ApiKeyDto = z.infer<typeof apiKeySchema>;

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    keyPrefix: `${key.displayPrefix}…${key.last4}`,
    userId: key.userId,
    dailyLimit: key.dailyRequestLimit,
    rateLimitPerMinute: key.rateLimitPerMinute,
    allowedModels: key.allowedModels,
    expiresAt: key.expiresAt,
    isActive: key.active,
    requestsToday: key.requestsToday,
    totalRequests: key.totalRequests,
    totalInputTokens: key.totalInputTokens,
    totalOutputTokens: key.totalOutputTokens,
    lastUsedAt: key.lastUsedAt,
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
  };
}

const limits = {
  dailyLimit: z.number().int().min(1).nullish(),
  // Limits are set by admins only; a user's own keys get them from userKeyPolicy.
  rateLimitPerMinute: z.number().int().min(1).max(100_000).nullish(),
  allowedModels: z.array(z.string().min(1)).min(1).nullish(),
  expiresAt: z.union([z.number().int(), z.iso.datetime()]).nullish(),
  userId: z.string().min(1).optional().openapi({ description: 'Owner; honoured for admins only.' }),
};

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(128).optional(),
  ...limits,
});

export type CreateApiKeyBody = z.infer<typeof createApiKeySchema>;

export const updateApiKeySchema = z.object({
  name: z.string().trim().min(1).max(128).optional(),
  isActive: z.boolean().optional(),
  ...limits,
});

/** Epoch ms from the API's number-or-ISO-date form. */
export function toEpochMs(value: number | string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return typeof value === 'number' ? value : Date.parse(value);
}
