import { sql } from 'drizzle-orm';
import { check, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Upstream Kiro accounts (the seed's "providers"). Credentials are ciphertext the caller made. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    authMethod: text('auth_method', {
      enum: ['social', 'builder-id', 'idc', 'api-key', 'external-idp'],
    }).notNull(),
    provider: text('provider'),
    region: text('region').notNull(),
    ssoRegion: text('sso_region'),
    /** IAM Identity Center start URL (shown to the admin; the flows need it to sign in again). */
    startUrl: text('start_url'),
    encryptedCredentials: text('encrypted_credentials').notNull(),
    profileArn: text('profile_arn'),
    machineId: text('machine_id'),
    proxyUrl: text('proxy_url'),
    email: text('email'),
    plan: text('plan'),
    entitlements: text('entitlements', { mode: 'json' }).$type<string[]>(),
    allowedModels: text('allowed_models', { mode: 'json' }).$type<string[]>(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    healthState: text('health_state', { enum: ['healthy', 'recovering', 'unhealthy'] })
      .notNull()
      .default('healthy'),
    consecutiveErrors: integer('consecutive_errors').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    lastError: text('last_error'),
    lastErrorAt: integer('last_error_at'),
    cooldownUntil: integer('cooldown_until'),
    cooldownReason: text('cooldown_reason'),
    quarantined: integer('quarantined', { mode: 'boolean' }).notNull().default(false),
    quarantineReason: text('quarantine_reason'),
    usageUsed: real('usage_used'),
    usageLimit: real('usage_limit'),
    usageDetail: text('usage_detail', { mode: 'json' }).$type<unknown>(),
    usageSyncedAt: integer('usage_synced_at'),
    usageResetsAt: integer('usage_resets_at'),
    /** The pool's whole per-account runtime state, as it saved it (JSON). */
    poolState: text('pool_state', { mode: 'json' }).$type<unknown>(),
    lastUsedAt: integer('last_used_at'),
    useCount: integer('use_count').notNull().default(0),
    weight: integer('weight').notNull().default(1),
    concurrencyCap: integer('concurrency_cap'),
    healthCheckEnabled: integer('health_check_enabled', { mode: 'boolean' })
      .notNull()
      .default(true),
    healthCheckModel: text('health_check_model'),
    lastHealthCheckAt: integer('last_health_check_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  () => [
    check(
      'accounts_auth_method_check',
      sql`auth_method in ('social', 'builder-id', 'idc', 'api-key', 'external-idp')`,
    ),
    check(
      'accounts_health_state_check',
      sql`health_state in ('healthy', 'recovering', 'unhealthy')`,
    ),
  ],
);
