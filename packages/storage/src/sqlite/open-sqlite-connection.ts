import Database from 'better-sqlite3';

import { StorageError } from '../storage-error';

export interface SqliteConnectionOptions {
  path: string;
  busyTimeoutMs: number;
}

/** Grow the WAL file no further than this after a checkpoint. */
const journalSizeLimitBytes = 64 * 1024 * 1024;

/**
 * Opens the file and tunes it for one server process:
 * - WAL, so readers never block the writer and a crash never corrupts the file;
 * - synchronous=NORMAL: commits survive a killed process; after a power loss the last few may
 *   roll back (writes that must survive that are committed with FULL, see `writeDurably`);
 * - a busy timeout, for other processes (backup tools, the CLI) holding the lock;
 * - foreign keys enforced.
 */
export function openSqliteConnection(options: SqliteConnectionOptions): Database.Database {
  let connection: Database.Database;
  try {
    connection = new Database(options.path, { timeout: options.busyTimeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StorageError('open', `cannot open the database at ${options.path}: ${reason}`, {
      cause: error,
    });
  }
  try {
    const mode = connection.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && options.path !== ':memory:') {
      throw new StorageError(
        'open',
        `the database at ${options.path} refused WAL mode (${String(mode)})`,
      );
    }
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma(`journal_size_limit = ${journalSizeLimitBytes}`);
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}
