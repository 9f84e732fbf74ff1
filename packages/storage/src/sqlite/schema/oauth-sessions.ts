import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

import { accounts } from './accounts';

/** Short-lived account-login flows. Secrets (PKCE verifier, client secret, device code) are ciphertext. */
export const oauthSessions = sqliteTable(
  'oauth_sessions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['social', 'builder-id', 'idc'] }).notNull(),
    state: text('state').unique(),
    encryptedSecrets: text('encrypted_secrets'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    status: text('status', {
      enum: ['pending', 'completed', 'failed', 'expired', 'cancelled'],
    })
      .notNull()
      .default('pending'),
    error: text('error'),
    resultAccountId: text('result_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('oauth_sessions_expires_at_index').on(table.expiresAt),
    check('oauth_sessions_kind_check', sql`kind in ('social', 'builder-id', 'idc')`),
    check(
      'oauth_sessions_status_check',
      sql`status in ('pending', 'completed', 'failed', 'expired', 'cancelled')`,
    ),
  ],
);
