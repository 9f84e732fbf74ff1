import { systemClock, type Clock } from '../clock';
import { safeEqual } from '../crypto/safe-equal';
import { AuthenticationError } from '../errors/authentication-error';
import { RateLimitError } from '../errors/rate-limit-error';
import { hashApiKey, looksLikeApiKey, looksLikeLegacyApiKey } from './api-key-format';
import type { ApiKeyRecord, ApiKeyStore } from './api-key-store';
import { createSlidingWindowLimiter, type SlidingWindowLimiter } from './sliding-window-limiter';
import { secondsUntilNextUtcDay, utcDay } from './utc-day';

/** An API key that passed every check: what routes see. Never contains the key or its hash. */
export interface AuthenticatedApiKey {
  id: string;
  ownerId: string;
  name: string;
  allowedModels: readonly string[] | null;
}

export interface ApiKeyAuthenticatorOptions {
  keys: ApiKeyStore;
  now?: Clock;
  /** The HMAC pepper the keys were hashed with, if the app uses one. */
  pepper?: Uint8Array;
  /** Per-minute limits; defaults to an in-memory sliding window on the same clock. */
  limiter?: SlidingWindowLimiter;
}

export interface AuthenticateApiKeyOptions {
  /**
   * Count this request against the daily limit and the usage counters. Default true; false for cheap
   * reads such as the model list, which still obey the per-minute limit.
   */
  countUsage?: boolean;
}

export interface ApiKeyAuthenticator {
  /**
   * Checks a presented key: well-formed, known, active, not expired, under its daily limit and its
   * per-minute limit. Throws {@link AuthenticationError} (401) or {@link RateLimitError} (429 with
   * `retryAfterSeconds`); on success the request is counted.
   */
  authenticate(
    presented: string | undefined,
    options?: AuthenticateApiKeyOptions,
  ): Promise<AuthenticatedApiKey>;
}

function missingKey(): AuthenticationError {
  return new AuthenticationError({
    code: 'missing_api_key',
    message:
      "Missing API key. Send it as 'Authorization: Bearer <key>' or in the 'x-api-key' header.",
  });
}

function invalidKey(): AuthenticationError {
  return new AuthenticationError({ code: 'invalid_api_key', message: 'Invalid API key.' });
}

export function createApiKeyAuthenticator(
  options: ApiKeyAuthenticatorOptions,
): ApiKeyAuthenticator {
  const { keys, pepper } = options;
  const now = options.now ?? systemClock;
  const limiter = options.limiter ?? createSlidingWindowLimiter({ now });

  async function lookUp(presented: string): Promise<ApiKeyRecord> {
    // A `kp_` key only ever matches a key migrated from the original OctoProxy.
    if (!looksLikeApiKey(presented) && !looksLikeLegacyApiKey(presented)) throw invalidKey();
    const keyHash = hashApiKey(presented, pepper);
    const record = await keys.findByHash(keyHash);
    // Re-compare in constant time: the index lookup is the store's; the final word is ours.
    if (record === undefined || !safeEqual(record.keyHash, keyHash)) throw invalidKey();
    return record;
  }

  function assertUsable(record: ApiKeyRecord, at: number): void {
    if (!record.active) {
      throw new AuthenticationError({
        code: 'api_key_disabled',
        message: 'This API key is disabled.',
      });
    }
    if (record.expiresAt !== null && at >= record.expiresAt.getTime()) {
      throw new AuthenticationError({
        code: 'api_key_expired',
        message: 'This API key has expired.',
      });
    }
  }

  function assertUnderDailyLimit(record: ApiKeyRecord, at: number): void {
    const limit = record.dailyRequestLimit;
    if (limit === null) return;
    const usage = record.dailyUsage;
    const usedToday = usage !== null && usage.date === utcDay(at) ? usage.requests : 0;
    if (usedToday >= limit) {
      throw new RateLimitError({
        code: 'daily_limit_exceeded',
        message: `This API key has used its daily limit of ${limit} requests; it resets at 00:00 UTC.`,
        retryAfterSeconds: secondsUntilNextUtcDay(at),
      });
    }
  }

  function assertUnderRateLimit(record: ApiKeyRecord): void {
    const limit = record.rateLimitPerMinute;
    if (limit === null) return;
    const result = limiter.tryAcquire({ key: record.id, limit });
    if (!result.allowed) {
      throw new RateLimitError({
        code: 'rate_limit_exceeded',
        message: `This API key is limited to ${limit} requests per minute; slow down.`,
        retryAfterSeconds: result.retryAfterMs / 1000,
      });
    }
  }

  return {
    async authenticate(presented, { countUsage = true } = {}) {
      if (presented === undefined || presented === '') throw missingKey();
      const record = await lookUp(presented);
      const at = now();
      assertUsable(record, at);
      if (countUsage) assertUnderDailyLimit(record, at);
      assertUnderRateLimit(record);
      if (countUsage) await keys.recordUse({ id: record.id, at: new Date(at) });
      return {
        id: record.id,
        ownerId: record.ownerId,
        name: record.name,
        allowedModels: record.allowedModels,
      };
    },
  };
}
