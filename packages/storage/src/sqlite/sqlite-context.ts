import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import { StorageError } from '../storage-error';
import type { WriteBehindQueue } from '../write-behind/write-behind-queue';
import type * as schema from './schema';
import { translateError } from './translate-error';

/** What every SQLite repository shares: one connection, the clock and the write-behind queue. */
export interface SqliteContext {
  connection: Database.Database;
  db: BetterSQLite3Database<typeof schema>;
  clock: () => number;
  queue: WriteBehindQueue;
  isClosed: () => boolean;
  reportError: (error: unknown) => void;
}

function guard<T>(context: SqliteContext, operation: string, work: () => T): T {
  if (context.isClosed())
    throw new StorageError('closed', `${operation} failed: storage is closed`);
  try {
    return work();
  } catch (error) {
    throw translateError(error, operation);
  }
}

/** A read, with failures turned into StorageErrors. */
export function read<T>(context: SqliteContext, operation: string, work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(guard(context, operation, work)));
}

/** A write in one transaction, committed with synchronous=NORMAL (survives a crashed process). */
export function write<T>(context: SqliteContext, operation: string, work: () => T): Promise<T> {
  return read(context, operation, () => context.connection.transaction(work)());
}

/**
 * A write in one transaction whose commit is fsynced (synchronous=FULL), so it also survives a
 * power loss: users, keys, credentials, settings, revocations. Rare enough that the sync is free.
 */
export function writeDurably<T>(
  context: SqliteContext,
  operation: string,
  work: () => T,
): Promise<T> {
  return read(context, operation, () => {
    context.connection.pragma('synchronous = FULL');
    try {
      return context.connection.transaction(work)();
    } finally {
      context.connection.pragma('synchronous = NORMAL');
    }
  });
}

/**
 * Writes what the queue holds before a read that should see it (lists, dashboards). A failure is
 * reported and the read goes on with what is committed: the queue keeps the rows for a retry.
 */
export async function flushBeforeRead(context: SqliteContext): Promise<void> {
  if (context.isClosed()) return;
  await context.queue.flush().catch(context.reportError);
}
