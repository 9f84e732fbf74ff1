import path from 'node:path';

import type Database from 'better-sqlite3';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeTempDir } from '../../test/support/temp-storage';
import { openDatabase } from '../open-database';
import type { EmbeddedMigration } from './embedded-migration';
import { embeddedMigrations } from './embedded-migrations';
import { migrateSqlite } from './migrate-sqlite';
import { openSqliteConnection } from './open-sqlite-connection';
import * as schema from './schema';

const latest = embeddedMigrations.at(-1)!;

function syntheticMigration(tag: string, statements: string[]): EmbeddedMigration {
  const text = statements.join('\n--> statement-breakpoint\n');
  return { tag, createdAt: latest.createdAt + 1000, hash: `hash-of-${tag}`, sql: text };
}

function tableNames(connection: Database.Database): string[] {
  return (
    connection
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as { name: string }[]
  ).map((row) => row.name);
}

describe('migrateSqlite', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let connection: Database.Database;

  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'octo-proxy.db');
    connection = openSqliteConnection({ path: file, busyTimeoutMs: 1000 });
  });
  afterEach(() => {
    if (connection.open) connection.close();
    temp.remove();
  });

  it('creates every table from an empty file, then has nothing left to do', () => {
    const first = migrateSqlite(connection, embeddedMigrations);
    expect(first.applied).toEqual(embeddedMigrations.map((migration) => migration.tag));
    expect(first.current).toBe(latest.tag);
    expect(tableNames(connection)).toEqual(
      expect.arrayContaining([
        'accounts',
        'api_keys',
        'audit_log',
        'oauth_sessions',
        'request_logs',
        'sessions',
        'settings',
        'users',
      ]),
    );
    expect(migrateSqlite(connection, embeddedMigrations)).toEqual({
      applied: [],
      current: latest.tag,
    });
  });

  it('rebuilds a parent table the drizzle-kit way without cascading into its children', async () => {
    connection.close();
    const storage = await openDatabase({ path: file });
    await storage.accounts.create({
      name: 'a',
      authMethod: 'social',
      region: 'us-east-1',
      encryptedCredentials: 'ciphertext',
    });
    const login = await storage.oauthSessions.create({
      kind: 'social',
      expiresAt: Date.now() + 1e6,
    });
    await storage.oauthSessions.update(login.id, { status: 'failed' });
    const linked = await storage.oauthSessions.create({
      kind: 'social',
      expiresAt: Date.now() + 1e6,
    });
    const { account: second } = await storage.oauthSessions.complete({
      sessionId: linked.id,
      account: { name: 'b', authMethod: 'idc', region: 'eu-west-1', encryptedCredentials: 'c2' },
    });
    await storage.close();

    // A real drizzle-kit diff: widening a CHECK makes it copy, DROP and rename `accounts`.
    const previous = await generateSQLiteDrizzleJson(schema);
    const next = structuredClone(previous);
    const healthCheck = next.tables.accounts?.checkConstraints.accounts_health_state_check;
    if (!healthCheck) throw new Error('schema snapshot changed shape');
    healthCheck.value = "health_state in ('healthy', 'recovering', 'unhealthy', 'probing')";
    const statements = await generateSQLiteMigration(previous, next);
    expect(statements).toContain('DROP TABLE `accounts`;');

    connection = openSqliteConnection({ path: file, busyTimeoutMs: 1000 });
    const report = migrateSqlite(connection, [
      ...embeddedMigrations,
      syntheticMigration('9999_rebuild_accounts', statements),
    ]);
    expect(report.applied).toEqual(['9999_rebuild_accounts']);
    const links = connection
      .prepare('SELECT id, result_account_id AS accountId FROM oauth_sessions ORDER BY created_at')
      .all();
    expect(links).toEqual(expect.arrayContaining([{ id: linked.id, accountId: second.id }]));
    expect(connection.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 2 });
    expect(connection.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(connection.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('changes nothing when a statement fails', () => {
    migrateSqlite(connection, embeddedMigrations);
    const broken = syntheticMigration('9999_broken', [
      'CREATE TABLE `half_done` (`id` integer);',
      'ALTER TABLE `no_such_table` ADD `x` text;',
    ]);
    expect(() => migrateSqlite(connection, [...embeddedMigrations, broken])).toThrow(
      expect.objectContaining({
        code: 'migration',
        message: expect.stringMatching(/nothing was changed/),
      }),
    );
    expect(tableNames(connection)).not.toContain('half_done');
    expect(migrateSqlite(connection, embeddedMigrations).current).toBe(latest.tag);
  });

  it('refuses to commit a migration that leaves a broken foreign key', () => {
    migrateSqlite(connection, embeddedMigrations);
    const orphan = syntheticMigration('9999_orphan', [
      "INSERT INTO `sessions` (id, token_hash, user_id, created_at, expires_at, idle_expires_at, last_seen_at) VALUES ('s', 'h', 'no-such-user', 0, 0, 0, 0);",
    ]);
    expect(() => migrateSqlite(connection, [...embeddedMigrations, orphan])).toThrow(
      /broken foreign keys/,
    );
    expect(connection.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer version', () => {
    const future = syntheticMigration('9999_future', ['CREATE TABLE `future` (`id` integer);']);
    migrateSqlite(connection, [...embeddedMigrations, future]);
    expect(() => migrateSqlite(connection, embeddedMigrations)).toThrow(/newer version/);
  });

  it('refuses a shipped migration that was edited after it was applied', () => {
    migrateSqlite(connection, embeddedMigrations);
    const edited = embeddedMigrations.map((migration) => ({ ...migration, hash: 'edited' }));
    expect(() => migrateSqlite(connection, edited)).toThrow(/must never change/);
  });

  it('refuses a file that holds tables it did not create', () => {
    connection.exec('CREATE TABLE providers (id integer primary key, credentials text)');
    expect(() => migrateSqlite(connection, embeddedMigrations)).toThrow(/providers/);
    expect(tableNames(connection)).not.toContain('users');
  });
});
