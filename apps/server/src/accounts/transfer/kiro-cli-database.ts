import { fromKiroCliRecord, kiroCliLoginOfKey, type KiroTokenRecord } from '@octoproxy/kiro';
import Database from 'better-sqlite3';

/** A token record read from kiro-cli's database, named by its `auth_kv` key. */
export interface KiroCliToken {
  key: string;
  record: KiroTokenRecord;
}

function parseJson(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads kiro-cli's logins from its SQLite file (`auth_kv`: `kirocli:social:token`,
 * `kirocli:odic:token` with `kirocli:odic:device-registration`, …; `state`:
 * `api.codewhisperer.profile`), read-only: kiro-cli may hold it open.
 */
export function readKiroCliDatabase(path: string): KiroCliToken[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT key, value FROM auth_kv').all() as {
      key: string;
      value: unknown;
    }[];
    const values = new Map(rows.map((row) => [row.key, parseJson(row.value)]));
    let profileArn: string | undefined;
    try {
      const state = db
        .prepare("SELECT value FROM state WHERE key = 'api.codewhisperer.profile'")
        .get() as { value: unknown } | undefined;
      const arn = parseJson(state?.value)?.arn;
      profileArn = typeof arn === 'string' ? arn : undefined;
    } catch {
      // Older kiro-cli databases have no `state` table.
    }
    const tokens: KiroCliToken[] = [];
    for (const [key, token] of values) {
      const login = kiroCliLoginOfKey(key);
      if (login === undefined || token === undefined) continue;
      const registration = values.get(key.replace(/:token$/, ':device-registration'));
      tokens.push({
        key,
        record: fromKiroCliRecord({ token, registration, login, profileArn }),
      });
    }
    return tokens;
  } finally {
    db.close();
  }
}
