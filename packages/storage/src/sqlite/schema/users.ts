import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    /**
     * The username folded for comparison (see `usernameKey`): unique, so "Admin" cannot shadow
     * "admin". A plain column rather than an expression index, which drizzle-kit cannot rebuild.
     */
    usernameKey: text('username_key').notNull().unique(),
    role: text('role', { enum: ['admin', 'user'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' })
      .notNull()
      .default(false),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: integer('password_changed_at').notNull(),
    lastLoginAt: integer('last_login_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  () => [check('users_role_check', sql`role in ('admin', 'user')`)],
);
