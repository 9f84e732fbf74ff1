import Database from 'better-sqlite3';

/**
 * The rows of the original OctoProxy's SQLite database (octoproxy.md §6.2: `providers` with plaintext
 * JSON credentials after migrations 001–007, `users` with unsalted SHA-256 password hashes,
 * `api_keys` with unsalted SHA-256 hashes of `kp_` keys). Columns added by later migrations may be
 * missing in an older file, so rows are read as they are.
 */
export interface OriginalDatabase {
  providers: Record<string, unknown>[];
  users: Record<string, unknown>[];
  apiKeys: Record<string, unknown>[];
}

function tableNames(db: Database.Database): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  return new Set(rows.map((row) => row.name));
}

/**
 * Reads the original's database read-only.
 * @throws when the file is not a SQLite database or has no `providers` table.
 */
export function readOriginalDatabase(path: string): OriginalDatabase {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = tableNames(db);
    if (!tables.has('providers')) {
      throw new Error(
        `${path} is not the original OctoProxy's database: it has no providers table.`,
      );
    }
    const all = (table: string) =>
      tables.has(table)
        ? (db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[])
        : [];
    return { providers: all('providers'), users: all('users'), apiKeys: all('api_keys') };
  } finally {
    db.close();
  }
}
