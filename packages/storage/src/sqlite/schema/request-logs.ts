import type { RequestAdaptation, RequestAttempt } from '../../model/request-logs';
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per proxied request. An append-only fact table: key, user and account ids are kept
 * without foreign keys, so history survives deletions and a batched insert never fails because
 * a key was deleted a moment earlier.
 */
export const requestLogs = sqliteTable(
  'request_logs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: integer('created_at').notNull(),
    requestId: text('request_id'),
    apiKeyId: text('api_key_id'),
    userId: text('user_id'),
    accountId: text('account_id'),
    route: text('route').notNull(),
    modelRequested: text('model_requested'),
    modelSent: text('model_sent'),
    stream: integer('stream', { mode: 'boolean' }).notNull(),
    status: integer('status').notNull(),
    errorClass: text('error_class'),
    errorCode: text('error_code'),
    /** What the client was told, trimmed; no secrets (the caller redacts). */
    errorMessage: text('error_message'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    cacheReadTokens: integer('cache_read_tokens').notNull().default(0),
    cacheWriteTokens: integer('cache_write_tokens').notNull().default(0),
    credits: real('credits'),
    latencyMs: integer('latency_ms').notNull(),
    firstByteMs: integer('first_byte_ms'),
    attempts: integer('attempts').notNull().default(1),
    /** One entry per upstream attempt: the account tried, the outcome and its error (JSON). */
    attemptLog: text('attempt_log', { mode: 'json' }).$type<RequestAttempt[]>(),
    /** What the gateway changed in the request so the upstream takes it (JSON). */
    adaptations: text('adaptations', { mode: 'json' }).$type<RequestAdaptation[]>(),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
  },
  (table) => [
    index('request_logs_created_at_index').on(table.createdAt),
    index('request_logs_api_key_index').on(table.apiKeyId, table.createdAt),
    index('request_logs_account_index').on(table.accountId, table.createdAt),
    index('request_logs_user_index').on(table.userId, table.createdAt),
  ],
);
