import { basename } from 'node:path';

import { hashLegacyApiKeyDigest, type PasswordHasher } from '@octoproxy/auth';
import type { Storage, UserRole } from '@octoproxy/storage';

import type { LiveSettings } from '../../config/live-settings';
import type { ServerConfigPatch } from '../../config/config-schema';
import type { AccountTransfer } from '../transfer/account-transfer';
import type { ImportResult } from '../transfer/import-result';
import { readOriginalDatabase } from './original-database';

export interface MigrationReport {
  accounts: ImportResult[];
  users: { username: string; status: 'created' | 'exists' | 'invalid' }[];
  apiKeys: { name: string; prefix: string; status: 'created' | 'exists' | 'invalid' }[];
  /** Configuration keys taken from the original's config file. */
  settings: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const sha256Hex = /^[0-9a-f]{64}$/i;

/** Keys that describe where the original listened: this server keeps its own. */
const notMigratedKeys = new Set(['port', 'host']);

/**
 * Brings the original OctoProxy's data into this server: its accounts (validated with Kiro and
 * de-duplicated like any import), users (their SHA-256 passwords wrapped in argon2id, accepted at
 * the next login, rehashed then, and to be changed: the original had no password policy), API keys
 * (`kp_` keys keep working) and, given its `config.json`, the settings this server knows.
 */
export async function migrateFromOriginal(options: {
  databasePath: string;
  /** The original's `configs/config.json`, already parsed; undefined to leave settings alone. */
  config?: ServerConfigPatch | undefined;
  storage: Storage;
  hasher: PasswordHasher;
  settings: LiveSettings;
  transfer: AccountTransfer;
  onDuplicate?: 'skip' | 'update';
}): Promise<MigrationReport> {
  const { storage, hasher } = options;
  const original = readOriginalDatabase(options.databasePath);
  const report: MigrationReport = { accounts: [], users: [], apiKeys: [], settings: [] };

  const userIds = new Map<unknown, string>();
  for (const row of original.users) {
    const username = text(row.username);
    const hash = text(row.password_hash);
    if (username === undefined) continue;
    const existing = await storage.users.getByUsername(username);
    if (existing !== undefined) {
      // Same name, same person: the original's keys go to this user; its password stays.
      userIds.set(row.id, existing.id);
      report.users.push({ username, status: 'exists' });
      continue;
    }
    if (hash === undefined || !sha256Hex.test(hash)) {
      report.users.push({ username, status: 'invalid' });
      continue;
    }
    const role: UserRole = row.role === 'admin' ? 'admin' : 'user';
    const created = await storage.users.create({
      username,
      role,
      passwordHash: await hasher.wrapLegacySha256(hash),
      active: row.is_active !== 0,
      mustChangePassword: true,
    });
    userIds.set(row.id, created.id);
    report.users.push({ username, status: 'created' });
  }

  const firstAdmin = (await storage.users.list({ limit: 1000 })).items.find(
    (user) => user.role === 'admin',
  );
  for (const row of original.apiKeys) {
    const name = text(row.name) ?? 'Migrated key';
    const prefix = (text(row.key_prefix) ?? 'kp_').replace(/\.+$/, '');
    const digest = text(row.key_hash);
    if (digest === undefined || !sha256Hex.test(digest)) {
      report.apiKeys.push({ name, prefix, status: 'invalid' });
      continue;
    }
    const keyHash = hashLegacyApiKeyDigest(digest);
    if ((await storage.apiKeys.getByHash(keyHash)) !== undefined) {
      report.apiKeys.push({ name, prefix, status: 'exists' });
      continue;
    }
    const dailyLimit =
      typeof row.daily_limit === 'number' && row.daily_limit >= 0 ? row.daily_limit : null;
    await storage.apiKeys.create({
      keyHash,
      displayPrefix: prefix,
      // The original kept only the first characters of a key.
      last4: '',
      name,
      userId: userIds.get(row.user_id) ?? firstAdmin?.id ?? null,
      dailyRequestLimit: dailyLimit,
      active: row.is_active !== 0,
    });
    report.apiKeys.push({ name, prefix, status: 'created' });
  }

  const entries = original.providers
    .filter(
      (row) =>
        row.provider_type === undefined ||
        row.provider_type === null ||
        row.provider_type === 'kiro',
    )
    .map((row) => ({
      name: row.name,
      region: row.region,
      credentials: row.credentials,
      account_email: row.account_email,
      check_health: row.check_health,
      check_model_name: row.check_model_name,
      is_disabled: row.is_disabled,
      allowedModels: parseList(row.allowed_models),
    }));
  report.accounts = await options.transfer.importFiles(
    [
      {
        name: `${basename(options.databasePath)} providers`,
        // The export's shape, which the import already reads (`exportedAt` marks the original's).
        content: JSON.stringify({ version: '1.0', exportedAt: 'migration', providers: entries }),
      },
    ],
    options.onDuplicate,
  );

  if (options.config !== undefined) {
    const patch = Object.fromEntries(
      Object.entries(options.config).filter(([key]) => !notMigratedKeys.has(key)),
    );
    if (Object.keys(patch).length > 0) {
      await options.settings.update(patch);
      report.settings = Object.keys(patch);
    }
  }
  return report;
}

function parseList(value: unknown): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.filter((entry) => typeof entry === 'string') : undefined;
  } catch {
    return undefined;
  }
}
