import path from 'node:path';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase, type Storage } from '../src/index';
import { embeddedMigrations } from '../src/sqlite/embedded-migrations';
import { migrateSqlite } from '../src/sqlite/migrate-sqlite';
import { openSqliteConnection } from '../src/sqlite/open-sqlite-connection';
import { makeTempDir } from './support/temp-storage';

/**
 * Rows written with plain SQL as the schema stood at one migration, and the check that the
 * current repositories read them back after upgrading to the newest migration.
 * Every shipped migration has an entry; when you add migration N+1, add its entry and keep the
 * older ones: they prove the upgrade from each earlier version keeps every row.
 */
interface VersionFixture {
  seed: (connection: Database.Database) => void;
  verify: (storage: Storage) => Promise<void>;
}

const fixtures: Record<string, VersionFixture> = {
  '0000_initial': {
    seed(connection) {
      connection.exec(`
        INSERT INTO users (id, username, username_key, role, active, must_change_password, password_hash, password_changed_at, created_at, updated_at)
          VALUES ('u1', 'Admin', 'admin', 'admin', 1, 1, 'hash-1', 100, 100, 100);
        INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at, idle_expires_at, last_seen_at)
          VALUES ('s1', 'token-hash-1', 'u1', 100, 9000000000000, 9000000000000, 100);
        INSERT INTO api_keys (id, key_hash, display_prefix, last4, name, user_id, allowed_models, total_requests, requests_today, requests_day, created_at, updated_at)
          VALUES ('k1', 'key-hash-1', 'sk-octo-', 'wxyz', 'ci', 'u1', '["claude-sonnet-4.5"]', 7, 2, '2020-01-01', 100, 100);
        INSERT INTO accounts (id, name, auth_method, provider, region, sso_region, encrypted_credentials, entitlements, usage_detail, use_count, created_at, updated_at)
          VALUES ('a1', 'main', 'idc', 'Enterprise', 'us-east-1', 'eu-west-1', 'v1:cipher', '["claude-opus-4.5"]', '{"plan":"PRO"}', 3, 100, 100);
        INSERT INTO oauth_sessions (id, kind, state, status, result_account_id, expires_at, created_at, updated_at)
          VALUES ('o1', 'idc', 'state-1', 'completed', 'a1', 200, 100, 100);
        INSERT INTO request_logs (created_at, api_key_id, account_id, route, model_requested, stream, status, input_tokens, output_tokens, latency_ms)
          VALUES (150, 'k1', 'a1', '/v1/messages', 'claude-sonnet-4.5', 1, 200, 10, 20, 300);
        INSERT INTO settings (key, value, updated_at) VALUES ('providerStrategy', '"lru"', 100);
        INSERT INTO audit_log (created_at, actor_user_id, action, target_type, target_id) VALUES (100, 'u1', 'user.create', 'user', 'u1');
      `);
    },
    async verify(storage) {
      expect(await storage.users.getByUsername('admin')).toMatchObject({
        id: 'u1',
        username: 'Admin',
        mustChangePassword: true,
      });
      expect(await storage.users.getPasswordHash('u1')).toBe('hash-1');
      expect((await storage.sessions.findByTokenHash('token-hash-1'))?.user.id).toBe('u1');
      expect(await storage.apiKeys.getByHash('key-hash-1')).toMatchObject({
        allowedModels: ['claude-sonnet-4.5'],
        totalRequests: 7,
        requestsToday: 0,
      });
      expect(await storage.accounts.get('a1')).toMatchObject({
        authMethod: 'idc',
        ssoRegion: 'eu-west-1',
        entitlements: ['claude-opus-4.5'],
        usageDetail: { plan: 'PRO' },
        poolState: null,
        useCount: 3,
      });
      expect(await storage.accounts.getEncryptedCredentials('a1')).toBe('v1:cipher');
      expect((await storage.oauthSessions.getByState('state-1'))?.resultAccountId).toBe('a1');
      expect((await storage.requestLogs.list()).items).toMatchObject([
        { apiKeyId: 'k1', stream: true, inputTokens: 10, outputTokens: 20 },
      ]);
      expect(await storage.settings.getAll()).toEqual({ providerStrategy: 'lru' });
      expect((await storage.auditLog.list()).total).toBe(1);
    },
  },
  '0001_account_pool_state': {
    seed(connection) {
      connection.exec(`
        INSERT INTO users (id, username, username_key, role, active, must_change_password, password_hash, password_changed_at, created_at, updated_at)
          VALUES ('u1', 'root', 'root', 'admin', 1, 0, 'hash-1', 100, 100, 100);
        INSERT INTO accounts (id, name, auth_method, region, encrypted_credentials, usage_detail, pool_state, quarantined, quarantine_reason, created_at, updated_at)
          VALUES ('a1', 'main', 'social', 'us-east-1', 'v1:cipher', '{"plan":"PRO"}', '{"health":"recovering","quarantine":{"strikes":2}}', 1, 'suspended', 100, 100);
        INSERT INTO accounts (id, name, auth_method, region, encrypted_credentials, created_at, updated_at)
          VALUES ('a2', 'spare', 'builder-id', 'us-east-1', 'v1:cipher-2', 101, 101);
      `);
    },
    async verify(storage) {
      expect(await storage.users.getByUsername('root')).toMatchObject({ id: 'u1', role: 'admin' });
      expect(await storage.accounts.listAll()).toMatchObject([
        {
          id: 'a1',
          usageDetail: { plan: 'PRO' },
          poolState: { health: 'recovering', quarantine: { strikes: 2 } },
          quarantined: true,
          quarantineReason: 'suspended',
        },
        { id: 'a2', authMethod: 'builder-id', poolState: null },
      ]);
      expect(await storage.accounts.getEncryptedCredentials('a2')).toBe('v1:cipher-2');
    },
  },
  '0002_account_sign_in': {
    seed(connection) {
      connection.exec(`
        INSERT INTO accounts (id, name, auth_method, provider, region, sso_region, start_url, encrypted_credentials, created_at, updated_at)
          VALUES ('a1', 'entra', 'external-idp', 'ExternalIdp', 'us-east-1', NULL, NULL, 'v1:cipher', 100, 100);
        INSERT INTO accounts (id, name, auth_method, provider, region, sso_region, start_url, encrypted_credentials, created_at, updated_at)
          VALUES ('a2', 'corp', 'idc', 'Enterprise', 'us-east-1', 'us-east-2', 'https://corp.awsapps.com/start', 'v1:cipher-2', 100, 100);
        INSERT INTO oauth_sessions (id, kind, state, status, result_account_id, expires_at, created_at, updated_at)
          VALUES ('o1', 'idc', 'state-1', 'completed', 'a2', 200, 100, 100);
        INSERT INTO request_logs (created_at, account_id, route, stream, status, error_message, attempts, attempt_log, latency_ms)
          VALUES (150, 'a2', '/v1/messages', 0, 502, 'All accounts failed.', 2, '[{"accountId":"a1","outcome":"transient","reason":"network","message":"getaddrinfo ENOTFOUND","durationMs":3},{"accountId":"a2","outcome":"transient","reason":"upstream_5xx","message":"500","durationMs":9}]', 20);
      `);
    },
    async verify(storage) {
      expect(await storage.accounts.listAll()).toMatchObject([
        { id: 'a1', authMethod: 'external-idp', provider: 'ExternalIdp', startUrl: null },
        { id: 'a2', ssoRegion: 'us-east-2', startUrl: 'https://corp.awsapps.com/start' },
      ]);
      expect((await storage.oauthSessions.getByState('state-1'))?.resultAccountId).toBe('a2');
      expect((await storage.requestLogs.list()).items).toMatchObject([
        {
          errorMessage: 'All accounts failed.',
          attempts: 2,
          attemptLog: [
            { accountId: 'a1', reason: 'network' },
            { accountId: 'a2', reason: 'upstream_5xx' },
          ],
        },
      ]);
    },
  },
  '0003_request_adaptations': {
    seed(connection) {
      connection.exec(`
        INSERT INTO request_logs (created_at, route, stream, status, latency_ms, adaptations)
          VALUES (150, '/v1/messages', 1, 200, 20, '[{"kind":"tool_dropped","detail":"tools.0: web_search_20250305 dropped"}]');
        INSERT INTO request_logs (created_at, route, stream, status, latency_ms)
          VALUES (160, '/v1/chat/completions', 0, 200, 30);
      `);
    },
    async verify(storage) {
      expect((await storage.requestLogs.list()).items).toMatchObject([
        { route: '/v1/chat/completions', adaptations: null },
        {
          route: '/v1/messages',
          adaptations: [{ kind: 'tool_dropped', detail: 'tools.0: web_search_20250305 dropped' }],
        },
      ]);
    },
  },
};

describe('migrations', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('has an upgrade fixture for every shipped migration', () => {
    expect(Object.keys(fixtures)).toEqual(embeddedMigrations.map((migration) => migration.tag));
  });

  it('builds the newest schema from an empty file', async () => {
    const storage = await openDatabase({ path: path.join(temp.dir, 'empty.db') });
    expect(await storage.checkIntegrity()).toEqual(['ok']);
    expect(await storage.migrate()).toEqual({
      applied: [],
      current: embeddedMigrations.at(-1)?.tag,
    });
    await storage.close();
  });

  embeddedMigrations.forEach((migration, index) => {
    it(`upgrades a database at ${migration.tag} to the newest without losing a row`, async () => {
      const file = path.join(temp.dir, `at-${migration.tag}.db`);
      const connection = openSqliteConnection({ path: file, busyTimeoutMs: 1000 });
      migrateSqlite(connection, embeddedMigrations.slice(0, index + 1));
      fixtures[migration.tag]?.seed(connection);
      connection.close();

      const storage = await openDatabase({ path: file });
      try {
        await fixtures[migration.tag]?.verify(storage);
        expect(await storage.checkIntegrity()).toEqual(['ok']);
      } finally {
        await storage.close();
      }
    });
  });
});
