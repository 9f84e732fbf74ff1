import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

import { users } from './users';

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    keyHash: text('key_hash').notNull().unique(),
    displayPrefix: text('display_prefix').notNull(),
    last4: text('last4').notNull(),
    name: text('name').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    dailyRequestLimit: integer('daily_request_limit'),
    rateLimitPerMinute: integer('rate_limit_per_minute'),
    allowedModels: text('allowed_models', { mode: 'json' }).$type<string[]>(),
    expiresAt: integer('expires_at'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    totalRequests: integer('total_requests').notNull().default(0),
    requestsToday: integer('requests_today').notNull().default(0),
    requestsDay: text('requests_day'),
    totalInputTokens: integer('total_input_tokens').notNull().default(0),
    totalOutputTokens: integer('total_output_tokens').notNull().default(0),
    lastUsedAt: integer('last_used_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [index('api_keys_user_id_index').on(table.userId)],
);
