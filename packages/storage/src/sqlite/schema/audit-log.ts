import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Who changed what. Append-only; the actor id is kept even after the user is deleted. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    createdAt: integer('created_at').notNull(),
    actorUserId: text('actor_user_id'),
    actorIp: text('actor_ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (table) => [
    index('audit_log_created_at_index').on(table.createdAt),
    index('audit_log_target_index').on(table.targetType, table.targetId),
  ],
);
