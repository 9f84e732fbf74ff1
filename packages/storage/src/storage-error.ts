const storageErrorMarker = Symbol.for('octoproxy.storage.error');

/**
 * What went wrong, for callers that map storage failures to responses:
 * `conflict` → 409 (a unique value is taken, or the change would break an invariant),
 * `closed` / `migration` / `open` / `query` → 500.
 */
export type StorageErrorCode = 'conflict' | 'closed' | 'migration' | 'open' | 'query';

/**
 * The one error type this package throws. Its message never carries query parameters
 * (which may hold hashes or ciphertext): only the statement kind and SQLite's own reason.
 */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly [storageErrorMarker] = true;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }

  /** Works across duplicate copies of the package, where `instanceof` does not. */
  static isInstance(value: unknown): value is StorageError {
    return typeof value === 'object' && value !== null && storageErrorMarker in value;
  }
}

/** A unique value is taken (`field` names it) or the write would break an invariant. */
export class StorageConflictError extends StorageError {
  readonly field: string | undefined;
  readonly reason: 'unique' | 'last-admin' | 'state';

  constructor(options: {
    message: string;
    reason: 'unique' | 'last-admin' | 'state';
    field?: string;
    cause?: unknown;
  }) {
    super('conflict', options.message, { cause: options.cause });
    this.name = 'StorageConflictError';
    this.reason = options.reason;
    this.field = options.field;
  }
}
