import { z } from '@hono/zod-openapi';
import { parseAccountState } from '@octoproxy/pool';
import type { Account } from '@octoproxy/storage';

import { parseStoredUsageDetail } from '../../../accounts/stored-usage-detail';

/**
 * Kiro's own token file (`kiro-auth-token.json`) and what the seed's import accepted: the admin can
 * paste it as is. Unknown fields pass through so newer Kiro versions still import.
 */
export const kiroCredentialsSchema = z
  .looseObject({
    accessToken: z.string().min(1).optional(),
    refreshToken: z.string().min(1),
    expiresAt: z.union([z.string(), z.number()]).optional(),
    authMethod: z.string().optional(),
    provider: z.string().optional(),
    profileArn: z.string().optional(),
    region: z.string().optional(),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    clientIdHash: z.string().optional(),
  })
  .openapi('KiroCredentials');

export type KiroCredentials = z.infer<typeof kiroCredentialsSchema>;

/** `credentials` may be the object or its JSON text (as copied from the file). */
export const credentialsInputSchema = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}, kiroCredentialsSchema);

const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name');

export const providerInputSchema = z.object({
  name: z.string().trim().min(1).max(128).optional(),
  credentials: credentialsInputSchema,
  region: regionSchema.optional(),
  ssoRegion: regionSchema.optional(),
  proxyUrl: z.url({ protocol: /^(https?|socks5h?)$/ }).nullish(),
  allowedModels: z.array(z.string().min(1)).nullish(),
  weight: z.number().int().min(1).max(1000).optional(),
  concurrencyCap: z.number().int().min(1).max(1000).nullish(),
  checkHealth: z.boolean().optional(),
  checkModelName: z.string().min(1).nullish(),
});

export type ProviderInput = z.infer<typeof providerInputSchema>;

export const providerPatchSchema = z.object({
  name: z.string().trim().min(1).max(128).optional(),
  credentials: credentialsInputSchema.optional(),
  region: regionSchema.optional(),
  ssoRegion: regionSchema.nullish(),
  proxyUrl: z.url({ protocol: /^(https?|socks5h?)$/ }).nullish(),
  allowedModels: z.array(z.string().min(1)).nullish(),
  weight: z.number().int().min(1).max(1000).optional(),
  concurrencyCap: z.number().int().min(1).max(1000).nullish(),
  isDisabled: z.boolean().optional(),
  checkHealth: z.boolean().optional(),
  checkModelName: z.string().min(1).nullish(),
});

export type ProviderPatch = z.infer<typeof providerPatchSchema>;

const creditPoolSchema = z
  .object({
    kind: z.enum(['base', 'free-trial', 'bonus', 'overage']),
    name: z.string().openapi({ description: "Kiro's name: the plan title, the bonus's name…" }),
    used: z.number(),
    limit: z.number().openapi({ description: 'For overage: the cap.' }),
    resetsAt: z.number().nullable().openapi({ description: 'When it refills (epoch ms).' }),
    expiresAt: z.number().nullable().openapi({ description: 'When it ends for good (epoch ms).' }),
    status: z.string().openapi({ description: '`active`, `expired`, `disabled`…' }),
  })
  .openapi('CreditPool');

export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    authMethod: z.string(),
    provider: z.string().nullable(),
    region: z.string(),
    apiRegion: z.string().openapi({ description: 'Where its API calls go (= region).' }),
    ssoRegion: z.string().nullable(),
    startUrl: z.string().nullable(),
    profileArn: z.string().nullable(),
    email: z.string().nullable(),
    plan: z.string().nullable(),
    planTier: z
      .string()
      .nullable()
      .openapi({ description: "The plan as Kiro names it, e.g. 'KIRO PRO+'." }),
    entitlements: z.array(z.string()).nullable(),
    allowedModels: z.array(z.string()).nullable(),
    proxyUrl: z.string().nullable(),
    isDisabled: z.boolean(),
    healthState: z.string(),
    healthReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why it is unhealthy, e.g. `unknown_host`, `refresh_revoked`.' }),
    needsSignIn: z.boolean().openapi({
      description: 'Its refresh token was revoked: only a new sign-in brings it back.',
    }),
    consecutiveErrors: z.number(),
    errorCount: z.number(),
    lastError: z.string().nullable(),
    lastErrorAt: z.number().nullable(),
    cooldownUntil: z.number().nullable(),
    cooldownReason: z.string().nullable(),
    quarantined: z.boolean(),
    quarantineReason: z.string().nullable(),
    usage: z
      .object({
        used: z.number().nullable(),
        limit: z.number().nullable(),
        pools: z.array(creditPoolSchema),
      })
      .openapi({ description: 'The last synced quota: totals and every credit pool.' }),
    usageSyncedAt: z.number().nullable(),
    usageResetsAt: z.number().nullable(),
    lastUsedAt: z.number().nullable(),
    useCount: z.number(),
    weight: z.number(),
    concurrencyCap: z.number().nullable(),
    checkHealth: z.boolean(),
    checkModelName: z.string().nullable(),
    lastHealthCheckAt: z.number().nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Provider');

export type ProviderDto = z.infer<typeof providerSchema>;

/** The account as the admin API shows it: configuration and state, never credentials. */
export function toProviderDto(account: Account): ProviderDto {
  const state = account.poolState == null ? null : parseAccountState(account.poolState);
  const unhealthyFor = account.healthState === 'unhealthy' ? (state?.healthReason ?? null) : null;
  const usageDetail = parseStoredUsageDetail(account.usageDetail);
  return {
    id: account.id,
    name: account.name,
    authMethod: account.authMethod,
    provider: account.provider,
    region: account.region,
    apiRegion: account.region,
    ssoRegion: account.ssoRegion,
    startUrl: account.startUrl,
    profileArn: account.profileArn,
    email: account.email,
    plan: account.plan,
    planTier: usageDetail?.planTier ?? null,
    entitlements: account.entitlements,
    allowedModels: account.allowedModels,
    proxyUrl: account.proxyUrl === null ? null : redactUrlCredentials(account.proxyUrl),
    isDisabled: account.disabled,
    healthState: account.healthState,
    healthReason: unhealthyFor,
    needsSignIn: unhealthyFor === 'refresh_revoked',
    consecutiveErrors: account.consecutiveErrors,
    errorCount: account.errorCount,
    lastError: account.lastError,
    lastErrorAt: account.lastErrorAt,
    cooldownUntil: account.cooldownUntil,
    cooldownReason: account.cooldownReason,
    quarantined: account.quarantined,
    quarantineReason: account.quarantineReason,
    usage: {
      used: account.usageUsed,
      limit: account.usageLimit,
      pools: usageDetail?.pools ?? [],
    },
    usageSyncedAt: account.usageSyncedAt,
    usageResetsAt: account.usageResetsAt,
    lastUsedAt: account.lastUsedAt,
    useCount: account.useCount,
    weight: account.weight,
    concurrencyCap: account.concurrencyCap,
    checkHealth: account.healthCheckEnabled,
    checkModelName: account.healthCheckModel,
    lastHealthCheckAt: account.lastHealthCheckAt,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
  };
}

/** A proxy URL may carry a password; the UI sees only the host. */
function redactUrlCredentials(value: string): string {
  try {
    const url = new URL(value);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return '***';
  }
}
