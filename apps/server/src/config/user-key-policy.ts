import { z } from '@hono/zod-openapi';

/**
 * The limits an admin sets for keys that users create themselves. Users may name, disable and
 * delete their keys; the limits are the admin's.
 */
export const userKeyPolicySchema = z
  .object({
    maxKeys: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .describe('Keys a user may hold at once (0 = users cannot create keys).'),
    dailyLimit: z.number().int().min(1).nullable().describe('Requests per UTC day per key.'),
    rateLimitPerMinute: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .nullable()
      .describe('Requests per minute per key.'),
    allowedModels: z
      .array(z.string().min(1))
      .min(1)
      .nullable()
      .describe('Models the key may use (entries ending in * match by prefix; null = all).'),
  })
  .strict()
  .openapi('UserKeyPolicy');

export type UserKeyPolicy = z.infer<typeof userKeyPolicySchema>;

export const defaultUserKeyPolicy: Readonly<UserKeyPolicy> = Object.freeze({
  maxKeys: 5,
  dailyLimit: null,
  rateLimitPerMinute: null,
  allowedModels: null,
});
