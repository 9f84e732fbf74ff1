import { drizzle } from 'drizzle-orm/better-sqlite3';

import type { OpenDatabaseOptions } from '../open-database';
import { StorageError } from '../storage-error';
import type { MigrationReport, Storage } from '../storage';
import { WriteBehindQueue } from '../write-behind/write-behind-queue';
import { embeddedMigrations } from './embedded-migrations';
import { migrateSqlite } from './migrate-sqlite';
import { openSqliteConnection } from './open-sqlite-connection';
import { SqliteAccountRepository } from './repositories/sqlite-account-repository';
import { SqliteApiKeyRepository } from './repositories/sqlite-api-key-repository';
import { SqliteAuditLogRepository } from './repositories/sqlite-audit-log-repository';
import { SqliteOAuthSessionRepository } from './repositories/sqlite-oauth-session-repository';
import { SqliteRequestLogRepository } from './repositories/sqlite-request-log-repository';
import { SqliteSessionRepository } from './repositories/sqlite-session-repository';
import { SqliteSettingsRepository } from './repositories/sqlite-settings-repository';
import { SqliteUsageStatsRepository } from './repositories/sqlite-usage-stats-repository';
import { SqliteUserRepository } from './repositories/sqlite-user-repository';
import * as schema from './schema';
import { createSqliteBatchWriter } from './sqlite-batch-writer';
import type { SqliteContext } from './sqlite-context';
import { translateError } from './translate-error';

const defaults = {
  busyTimeoutMs: 5000,
  flushIntervalMs: 500,
  maxBatchSize: 500,
  maxPending: 100_000,
};

/** The SQLite adapter behind `openDatabase`. */
export function openSqliteStorage(options: OpenDatabaseOptions): Storage {
  const connection = openSqliteConnection({
    path: options.path,
    busyTimeoutMs: options.busyTimeoutMs ?? defaults.busyTimeoutMs,
  });
  let closed = false;
  const reportError = options.onBackgroundError ?? (() => undefined);
  // The batch writer needs the context, which needs the queue: the queue reaches the writer
  // through a closure that first runs after all three exist.
  const queue = new WriteBehindQueue({
    flushIntervalMs: options.writeBehind?.flushIntervalMs ?? defaults.flushIntervalMs,
    maxBatchSize: options.writeBehind?.maxBatchSize ?? defaults.maxBatchSize,
    maxPending: options.writeBehind?.maxPending ?? defaults.maxPending,
    writeBatch: (batch) => writeBatch(batch),
    onError: reportError,
  });
  const context: SqliteContext = {
    connection,
    db: drizzle({ client: connection, schema }),
    clock: options.clock ?? Date.now,
    queue,
    isClosed: () => closed,
    reportError,
  };
  const writeBatch = createSqliteBatchWriter(context);

  const migrate = (): MigrationReport => {
    if (closed) throw new StorageError('closed', 'migrate failed: storage is closed');
    return migrateSqlite(connection, embeddedMigrations);
  };
  try {
    if (options.migrate ?? true) migrate();
  } catch (error) {
    connection.close();
    throw error;
  }
  queue.start();

  const accounts = new SqliteAccountRepository(context);
  let closing: Promise<void> | undefined;
  return {
    users: new SqliteUserRepository(context),
    sessions: new SqliteSessionRepository(context),
    apiKeys: new SqliteApiKeyRepository(context),
    accounts,
    requestLogs: new SqliteRequestLogRepository(context),
    usageStats: new SqliteUsageStatsRepository(context),
    oauthSessions: new SqliteOAuthSessionRepository(context, accounts),
    settings: new SqliteSettingsRepository(context),
    auditLog: new SqliteAuditLogRepository(context),
    location: options.path,
    migrate: () => Promise.resolve().then(migrate),
    flush: () => context.queue.flush(),
    async backup(destinationPath) {
      await context.queue.flush();
      if (closed) throw new StorageError('closed', 'backup failed: storage is closed');
      try {
        await connection.backup(destinationPath);
      } catch (error) {
        throw translateError(error, 'backup');
      }
    },
    async checkpoint() {
      await context.queue.flush();
      if (closed) throw new StorageError('closed', 'checkpoint failed: storage is closed');
      try {
        connection.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        throw translateError(error, 'checkpoint');
      }
    },
    externalChanges() {
      return Promise.resolve().then(() => {
        if (closed) throw new StorageError('closed', 'externalChanges failed: storage is closed');
        return connection.pragma('data_version', { simple: true }) as number;
      });
    },
    checkIntegrity() {
      return Promise.resolve().then(() => {
        if (closed) throw new StorageError('closed', 'integrity check failed: storage is closed');
        const rows = connection.pragma('integrity_check') as { integrity_check: string }[];
        return rows.map((row) => row.integrity_check);
      });
    },
    close() {
      closing ??= context.queue.close().finally(() => {
        closed = true;
        connection.close();
      });
      return closing;
    },
  };
}
