import { createHash } from 'node:crypto';

import Database from 'better-sqlite3';

/**
 * The original OctoProxy's schema after its migrations 001–007 (octoproxy.md §6.2), to build
 * databases a migration reads. Written from the spec, not copied from the original.
 */
const originalSchema = `
CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TEXT);
CREATE TABLE providers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT UNIQUE NOT NULL,
  name TEXT,
  region TEXT DEFAULT 'us-east-1',
  credentials TEXT NOT NULL,
  is_healthy INTEGER DEFAULT 1,
  is_disabled INTEGER DEFAULT 0,
  error_count INTEGER DEFAULT 0,
  last_error_time TEXT,
  last_error_message TEXT,
  last_used TEXT,
  usage_count INTEGER DEFAULT 0,
  check_health INTEGER DEFAULT 0,
  check_model_name TEXT,
  last_health_check_time TEXT,
  created_at TEXT DEFAULT (datetime('now')),
  updated_at TEXT DEFAULT (datetime('now'))
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT UNIQUE NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT DEFAULT 'user',
  is_active INTEGER DEFAULT 1,
  created_at TEXT DEFAULT (datetime('now')),
  updated_at TEXT DEFAULT (datetime('now'))
);
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key_hash TEXT UNIQUE NOT NULL,
  key_prefix TEXT NOT NULL,
  name TEXT,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  daily_limit INTEGER DEFAULT -1,
  today_usage INTEGER DEFAULT 0,
  total_usage INTEGER DEFAULT 0,
  last_reset_date TEXT,
  is_active INTEGER DEFAULT 1,
  last_used_at TEXT,
  created_at TEXT DEFAULT (datetime('now'))
);
CREATE TABLE request_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  api_key_id INTEGER REFERENCES api_keys(id) ON DELETE SET NULL,
  provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
  model TEXT, input_tokens INTEGER, output_tokens INTEGER, latency_ms INTEGER, status TEXT,
  error_message TEXT, created_at TEXT DEFAULT (datetime('now'))
);
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  token TEXT UNIQUE, expires_at TEXT, created_at TEXT DEFAULT (datetime('now'))
);
CREATE INDEX idx_providers_lru ON providers (is_healthy, is_disabled, last_used, usage_count);
CREATE INDEX idx_api_keys_hash ON api_keys (key_hash);
CREATE INDEX idx_sessions_token ON sessions (token);
ALTER TABLE providers ADD COLUMN account_email TEXT;
ALTER TABLE providers ADD COLUMN cached_usage_used REAL DEFAULT 0;
ALTER TABLE providers ADD COLUMN cached_usage_limit REAL DEFAULT 0;
ALTER TABLE providers ADD COLUMN cached_usage_percent REAL DEFAULT 0;
ALTER TABLE providers ADD COLUMN usage_exhausted INTEGER DEFAULT 0;
ALTER TABLE providers ADD COLUMN last_usage_sync TEXT;
ALTER TABLE providers ADD COLUMN cached_usage_data TEXT;
ALTER TABLE providers ADD COLUMN account_type TEXT DEFAULT 'UNKNOWN';
ALTER TABLE providers ADD COLUMN allowed_models TEXT DEFAULT NULL;
CREATE INDEX idx_providers_account_type ON providers (account_type);
CREATE TABLE oauth_sessions (
  id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT UNIQUE, type TEXT, provider TEXT,
  region TEXT DEFAULT 'us-east-1', code_verifier TEXT, redirect_uri TEXT, state TEXT,
  client_id TEXT, client_secret TEXT, client_secret_expires_at INTEGER, device_code TEXT,
  user_code TEXT, poll_interval INTEGER, expires_at INTEGER, created_at TEXT, status TEXT,
  error TEXT, credentials TEXT, start_url TEXT
);
ALTER TABLE providers ADD COLUMN provider_type TEXT DEFAULT 'kiro';
CREATE INDEX idx_providers_type ON providers (provider_type);
`;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface OriginalProviderRow {
  name: string;
  region: string;
  /** The plaintext JSON the original stored. */
  credentials: Record<string, unknown> | string;
  accountEmail?: string;
  checkHealth?: boolean;
  disabled?: boolean;
  allowedModels?: string[];
  providerType?: string;
}

/** Writes a database as the original OctoProxy left it. Passwords and keys are hashed its way. */
export function writeOriginalDatabase(
  path: string,
  content: {
    providers: OriginalProviderRow[];
    users: { username: string; password: string; role: 'admin' | 'user'; active?: boolean }[];
    apiKeys: { key: string; name: string; username?: string; dailyLimit?: number }[];
  },
): void {
  const db = new Database(path);
  try {
    db.exec(originalSchema);
    const insertProvider = db.prepare(
      `INSERT INTO providers (uuid, name, region, credentials, account_email, check_health,
         is_disabled, allowed_models, provider_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    content.providers.forEach((row, index) => {
      insertProvider.run(
        `uuid-${index}`,
        row.name,
        row.region,
        typeof row.credentials === 'string' ? row.credentials : JSON.stringify(row.credentials),
        row.accountEmail ?? null,
        row.checkHealth ? 1 : 0,
        row.disabled ? 1 : 0,
        row.allowedModels === undefined ? null : JSON.stringify(row.allowedModels),
        row.providerType ?? 'kiro',
      );
    });
    const userIds = new Map<string, number | bigint>();
    for (const user of content.users) {
      const result = db
        .prepare('INSERT INTO users (username, password_hash, role, is_active) VALUES (?, ?, ?, ?)')
        .run(user.username, sha256Hex(user.password), user.role, user.active === false ? 0 : 1);
      userIds.set(user.username, result.lastInsertRowid);
    }
    for (const key of content.apiKeys) {
      db.prepare(
        'INSERT INTO api_keys (key_hash, key_prefix, name, user_id, daily_limit) VALUES (?, ?, ?, ?, ?)',
      ).run(
        sha256Hex(key.key),
        `${key.key.slice(0, 12)}...`,
        key.name,
        key.username === undefined ? null : (userIds.get(key.username) ?? null),
        key.dailyLimit ?? -1,
      );
    }
  } finally {
    db.close();
  }
}
