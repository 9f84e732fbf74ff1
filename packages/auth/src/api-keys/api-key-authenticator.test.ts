import { beforeEach, describe, expect, it } from 'vitest';

import { InMemoryApiKeyStore, fakeClock } from '../../test/in-memory-stores';
import { AuthenticationError } from '../errors/authentication-error';
import { RateLimitError } from '../errors/rate-limit-error';
import { generateApiKey, mintApiKey } from './api-key-format';
import { createApiKeyAuthenticator, type ApiKeyAuthenticator } from './api-key-authenticator';
import type { ApiKeyRecord } from './api-key-store';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('createApiKeyAuthenticator', () => {
  let clock: ReturnType<typeof fakeClock>;
  let store: InMemoryApiKeyStore;
  let authenticator: ApiKeyAuthenticator;

  beforeEach(() => {
    clock = fakeClock(Date.UTC(2025, 0, 15, 23, 59, 0));
    store = new InMemoryApiKeyStore();
    authenticator = createApiKeyAuthenticator({ keys: store, now: clock.now });
  });

  function addKey(record: Partial<Omit<ApiKeyRecord, 'keyHash'>> = {}) {
    const minted = mintApiKey();
    const row = store.add({ ...record, keyHash: minted.keyHash });
    return { key: minted.key, row };
  }

  it('accepts a valid key, counts the request and returns no secret', async () => {
    const { key, row } = addKey({ name: 'laptop', allowedModels: ['claude-haiku-4-5'] });
    const authenticated = await authenticator.authenticate(key);
    expect(authenticated).toEqual({
      id: row.id,
      ownerId: 'u1',
      name: 'laptop',
      allowedModels: ['claude-haiku-4-5'],
    });
    expect(store.rows.get(row.id)).toMatchObject({
      totalRequests: 1,
      dailyUsage: { date: '2025-01-15', requests: 1 },
    });
  });

  it('tells a missing key from an invalid one, never echoing the key', async () => {
    const { key } = addKey();
    expect(await rejectionOf(authenticator.authenticate(undefined))).toMatchObject({
      code: 'missing_api_key',
    });
    expect(await rejectionOf(authenticator.authenticate(''))).toMatchObject({
      code: 'missing_api_key',
    });
    const near = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    for (const wrong of [near, key.slice(0, -1), `${key}x`, generateApiKey(), 'garbage']) {
      const error = await rejectionOf(authenticator.authenticate(wrong));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ code: 'invalid_api_key', message: 'Invalid API key.' });
    }
  });

  it('refuses disabled and expired keys', async () => {
    const disabled = addKey({ active: false });
    expect(await rejectionOf(authenticator.authenticate(disabled.key))).toMatchObject({
      code: 'api_key_disabled',
      kind: 'authentication',
    });
    const expiring = addKey({ expiresAt: new Date(clock.now() + 1_000) });
    await authenticator.authenticate(expiring.key);
    clock.advance(1_000);
    expect(await rejectionOf(authenticator.authenticate(expiring.key))).toMatchObject({
      code: 'api_key_expired',
    });
  });

  it('enforces the daily limit with a 429 that waits until UTC midnight, then resets', async () => {
    const { key } = addKey({ dailyRequestLimit: 2 });
    await authenticator.authenticate(key);
    await authenticator.authenticate(key);
    const over = await rejectionOf(authenticator.authenticate(key));
    expect(over).toBeInstanceOf(RateLimitError);
    expect(over).toMatchObject({
      kind: 'rate_limit',
      code: 'daily_limit_exceeded',
      retryAfterSeconds: 60,
    });
    clock.advance(60_000);
    await expect(authenticator.authenticate(key)).resolves.toBeDefined();
  });

  it('counts an earlier day in the store as zero today', async () => {
    const { key } = addKey({
      dailyRequestLimit: 1,
      dailyUsage: { date: '2025-01-14', requests: 500 },
    });
    await expect(authenticator.authenticate(key)).resolves.toBeDefined();
  });

  it('enforces the per-minute limit with the exact wait', async () => {
    const { key } = addKey({ rateLimitPerMinute: 2 });
    await authenticator.authenticate(key);
    clock.advance(15_000);
    await authenticator.authenticate(key);
    const over = await rejectionOf(authenticator.authenticate(key));
    expect(over).toMatchObject({ code: 'rate_limit_exceeded', retryAfterSeconds: 45 });
    clock.advance(45_000);
    await expect(authenticator.authenticate(key)).resolves.toBeDefined();
  });

  it('leaves uncounted reads out of the daily limit but not out of the rate limit', async () => {
    const { key, row } = addKey({ dailyRequestLimit: 1, rateLimitPerMinute: 3 });
    await authenticator.authenticate(key);
    await authenticator.authenticate(key, { countUsage: false });
    await authenticator.authenticate(key, { countUsage: false });
    expect(store.rows.get(row.id)!.totalRequests).toBe(1);
    expect(await rejectionOf(authenticator.authenticate(key, { countUsage: false }))).toMatchObject(
      {
        code: 'rate_limit_exceeded',
      },
    );
  });

  it('verifies keys hashed under a pepper only with that pepper', async () => {
    const pepper = Buffer.from('a server-side pepper');
    const minted = mintApiKey({ pepper });
    store.add({ keyHash: minted.keyHash });
    const peppered = createApiKeyAuthenticator({ keys: store, now: clock.now, pepper });
    await expect(peppered.authenticate(minted.key)).resolves.toBeDefined();
    expect(await rejectionOf(authenticator.authenticate(minted.key))).toMatchObject({
      code: 'invalid_api_key',
    });
  });
});
