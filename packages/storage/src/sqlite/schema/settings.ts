import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The live configuration: one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
