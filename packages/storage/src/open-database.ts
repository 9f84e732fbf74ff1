import { openSqliteStorage } from './sqlite/sqlite-storage';
import type { Storage } from './storage';

export interface WriteBehindOptions {
  /** Flush queued writes at least this often. Default 500 ms. */
  flushIntervalMs?: number;
  /** Flush as soon as this many request-log rows wait. Default 500. */
  maxBatchSize?: number;
  /**
   * Most request-log rows kept while flushes fail (e.g. disk full); beyond it the oldest are
   * dropped and reported through `onBackgroundError`. Default 100 000.
   */
  maxPending?: number;
}

export interface OpenDatabaseOptions {
  /** The SQLite file. Its folder must exist (the app creates its data folder). */
  path: string;
  /** Apply pending migrations on open. Default true. */
  migrate?: boolean;
  /** How long a write waits for another process's lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  writeBehind?: WriteBehindOptions;
  /** Epoch-ms clock for timestamps; default `Date.now`. Tests pass a fake one. */
  clock?: () => number;
  /** Failures of background flushes (the writes stay queued and are retried). */
  onBackgroundError?: (error: unknown) => void;
}

/**
 * Opens (creating if needed) the database at `options.path`, tunes it for a server and applies
 * pending migrations.
 */
export function openDatabase(options: OpenDatabaseOptions): Promise<Storage> {
  return Promise.resolve().then(() => openSqliteStorage(options));
}
