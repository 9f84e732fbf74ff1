import type Database from 'better-sqlite3';

import { StorageError } from '../storage-error';
import type { MigrationReport } from '../storage';
import type { EmbeddedMigration } from './embedded-migration';

/** drizzle's bookkeeping table, kept identical so drizzle-kit and this runner agree. */
const migrationsTable = '__drizzle_migrations';
const statementBreakpoint = '--> statement-breakpoint';

interface AppliedMigration {
  hash: string;
  createdAt: number;
}

/**
 * Applies the migrations newer than the last one recorded, all in one transaction.
 *
 * Unlike drizzle's own migrator it turns foreign-key enforcement off around the transaction:
 * drizzle-kit rebuilds SQLite tables (copy, DROP, rename), and a DROP with enforcement on would
 * cascade-delete every child row. Foreign keys are checked before commit instead, so a migration
 * either keeps every row and every reference or changes nothing. It also refuses a database
 * written by a newer version, and one whose recorded migrations differ from the ones shipped.
 */
export function migrateSqlite(
  connection: Database.Database,
  migrations: readonly EmbeddedMigration[],
): MigrationReport {
  connection.exec(
    `CREATE TABLE IF NOT EXISTS "${migrationsTable}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  const applied = readApplied(connection);
  if (applied.length === 0) refuseForeignDatabase(connection);
  checkHistory(applied, migrations);
  const last = applied.at(-1);
  const pending = migrations.filter((migration) => !last || migration.createdAt > last.createdAt);
  if (pending.length === 0) {
    return { applied: [], current: currentTag(migrations, last) };
  }

  const foreignKeysWereOn = connection.pragma('foreign_keys', { simple: true }) === 1;
  connection.pragma('foreign_keys = OFF');
  try {
    connection.exec('BEGIN IMMEDIATE');
    try {
      const record = connection.prepare(
        `INSERT INTO "${migrationsTable}" ("hash", "created_at") VALUES (?, ?)`,
      );
      for (const migration of pending) {
        for (const statement of migration.sql.split(statementBreakpoint)) {
          if (statement.trim() !== '') connection.exec(statement);
        }
        record.run(migration.hash, migration.createdAt);
      }
      const violations = connection.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new StorageError(
          'migration',
          `migration would leave ${violations.length} broken foreign keys; nothing was changed`,
        );
      }
      connection.exec('COMMIT');
    } catch (error) {
      connection.exec('ROLLBACK');
      if (StorageError.isInstance(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new StorageError('migration', `migration failed, nothing was changed: ${reason}`, {
        cause: error,
      });
    }
  } finally {
    if (foreignKeysWereOn) connection.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((migration) => migration.tag), current: pending.at(-1)?.tag };
}

/** Tags of the shipped migrations not yet recorded in the database. */
export function pendingMigrationTags(
  connection: Database.Database,
  migrations: readonly EmbeddedMigration[],
): string[] {
  const exists = connection
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(migrationsTable);
  const last = exists ? readApplied(connection).at(-1) : undefined;
  return migrations
    .filter((migration) => !last || migration.createdAt > last.createdAt)
    .map((migration) => migration.tag);
}

function readApplied(connection: Database.Database): AppliedMigration[] {
  const rows = connection
    .prepare(`SELECT hash, created_at AS createdAt FROM "${migrationsTable}" ORDER BY created_at`)
    .all() as { hash: string; createdAt: number | string }[];
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

/** A file with tables but no migration record is not ours (e.g. the original OctoProxy's database). */
function refuseForeignDatabase(connection: Database.Database): void {
  const tables = connection
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?`,
    )
    .all(migrationsTable) as { name: string }[];
  if (tables.length > 0) {
    throw new StorageError(
      'migration',
      `the file holds tables this version did not create (${tables
        .slice(0, 5)
        .map((table) => table.name)
        .join(', ')}); open a new file instead of migrating it in place`,
    );
  }
}

function checkHistory(
  applied: readonly AppliedMigration[],
  migrations: readonly EmbeddedMigration[],
): void {
  const known = new Map(migrations.map((migration) => [migration.createdAt, migration]));
  for (const record of applied) {
    const migration = known.get(record.createdAt);
    if (!migration) {
      throw new StorageError(
        'migration',
        'the database was written by a newer version of OctoProxy (it has migrations this version does not know); upgrade, or restore a backup',
      );
    }
    if (migration.hash !== record.hash) {
      throw new StorageError(
        'migration',
        `migration ${migration.tag} differs from the one applied to this database; a shipped migration must never change`,
      );
    }
  }
}

function currentTag(
  migrations: readonly EmbeddedMigration[],
  last: AppliedMigration | undefined,
): string | undefined {
  return migrations.find((migration) => migration.createdAt === last?.createdAt)?.tag;
}
