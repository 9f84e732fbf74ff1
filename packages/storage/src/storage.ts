import type { AccountRepository } from './model/accounts';
import type { ApiKeyRepository } from './model/api-keys';
import type { AuditLogRepository } from './model/audit-log';
import type { OAuthSessionRepository } from './model/oauth-sessions';
import type { RequestLogRepository } from './model/request-logs';
import type { SessionRepository } from './model/sessions';
import type { SettingsRepository } from './model/settings';
import type { UsageStatsRepository } from './model/usage-stats';
import type { UserRepository } from './model/users';

export interface MigrationReport {
  /** Tags of the migrations this call applied, oldest first. */
  applied: string[];
  /** Tag of the newest migration now in the database. */
  current: string | undefined;
}

/**
 * The durable state of OctoProxy. Callers depend on this interface only; SQLite is one adapter
 * behind it, and every method is asynchronous so another dialect can take its place.
 */
export interface Storage {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly accounts: AccountRepository;
  readonly requestLogs: RequestLogRepository;
  readonly usageStats: UsageStatsRepository;
  readonly oauthSessions: OAuthSessionRepository;
  readonly settings: SettingsRepository;
  readonly auditLog: AuditLogRepository;
  /** The database file (for backups, or for scanning its bytes in tests). */
  readonly location: string;
  /** Applies pending migrations. `openDatabase` does it unless told not to. */
  migrate(): Promise<MigrationReport>;
  /** Writes every queued hot-path write (counters, request logs) and resolves once committed. */
  flush(): Promise<void>;
  /**
   * Flushes, then copies the live database to `destinationPath` with SQLite's online backup
   * (readers and writers keep working). Resolves when the copy is complete.
   */
  backup(destinationPath: string): Promise<void>;
  /**
   * Moves everything in the write-ahead log into the database file and empties the log, so the
   * one file holds all committed data (before copying or scanning it).
   */
  checkpoint(): Promise<void>;
  /**
   * A number that changes whenever another process or connection commits to the database (SQLite's
   * `PRAGMA data_version`); this storage's own writes leave it alone. Poll it and compare to notice
   * changes made elsewhere (an account added by the CLI while the server runs).
   */
  externalChanges(): Promise<number>;
  /** SQLite's `integrity_check`: `['ok']` for a sound database, else the problems found. */
  checkIntegrity(): Promise<string[]>;
  /** Flushes the queue, then closes. Later calls to the queue throw. Idempotent. */
  close(): Promise<void>;
}
