import { OctoProxyError } from '@octoproxy/converters';

/** The key already has as many requests in flight as it may. */
export class KeyConcurrencyError extends OctoProxyError {
  constructor(limit: number) {
    super({
      kind: 'rate_limit',
      fault: 'client',
      code: 'key_concurrency_exceeded',
      message: `This API key already has ${limit} requests in progress; wait for one to finish.`,
      retryAfterSeconds: 1,
    });
  }
}

/**
 * Requests in flight per API key, so one key cannot take every account's slots and starve the
 * others. A limit of 0 means no limit.
 */
export class KeyConcurrency {
  private readonly counts = new Map<string, number>();

  /** Counts one request of `keyId`, or throws when the key is at `limit`; release exactly once. */
  begin(keyId: string, limit: number): () => void {
    const count = this.counts.get(keyId) ?? 0;
    if (limit > 0 && count >= limit) throw new KeyConcurrencyError(limit);
    this.counts.set(keyId, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(keyId) ?? 1) - 1;
      if (left <= 0) this.counts.delete(keyId);
      else this.counts.set(keyId, left);
    };
  }
}
