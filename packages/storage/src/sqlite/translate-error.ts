import { StorageConflictError, StorageError } from '../storage-error';

interface SqliteFailure {
  code: string;
  message: string;
}

/** Finds better-sqlite3's error under drizzle's wrapper (whose message lists the parameters). */
function findSqliteFailure(error: unknown): SqliteFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) {
      return { code, message: current.message };
    }
    current = current.cause;
  }
  return undefined;
}

/** Columns that hold a folded copy of a field callers know by another name. */
const uniqueColumnFields: Record<string, string> = { username_key: 'username' };

/** `UNIQUE constraint failed: api_keys.key_hash` → `keyHash`. */
function uniqueField(message: string): string | undefined {
  const column = /constraint failed: \w+\.(\w+)/.exec(message)?.[1];
  if (column === undefined) return undefined;
  return (
    uniqueColumnFields[column] ??
    column.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase())
  );
}

/**
 * The deepest cause's message (a driver or JSON error, which names no bound values), skipping
 * drizzle's wrapper, whose message lists the query parameters.
 */
function innermostReason(error: unknown): string {
  let current: unknown = error;
  for (
    let depth = 0;
    depth < 5 && current instanceof Error && current.cause instanceof Error;
    depth += 1
  ) {
    current = current.cause;
  }
  if (!(current instanceof Error)) return 'unknown error';
  return current.name === 'DrizzleQueryError'
    ? current.name
    : `${current.name}: ${current.message}`;
}

/**
 * Turns any failure of a query into a StorageError whose message carries SQLite's reason and
 * nothing of the parameters, since those may be hashes or ciphertext.
 */
export function translateError(error: unknown, operation: string): StorageError {
  if (StorageError.isInstance(error)) return error;
  const failure = findSqliteFailure(error);
  if (!failure) {
    return new StorageError('query', `${operation} failed: ${innermostReason(error)}`);
  }
  if (
    failure.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    failure.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  ) {
    const field = uniqueField(failure.message);
    return new StorageConflictError({
      message: `${operation} failed: ${field ?? 'a unique value'} is already taken`,
      reason: 'unique',
      field,
    });
  }
  // SQLite's own messages name tables, columns and constraints, never bound values.
  return new StorageError('query', `${operation} failed: ${failure.code}: ${failure.message}`);
}
