import { createHash, randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { InMemoryApiKeyStore } from '../../test/in-memory-stores';
import {
  hashApiKey,
  hashLegacyApiKeyDigest,
  looksLikeApiKey,
  looksLikeLegacyApiKey,
  mintApiKey,
} from './api-key-format';
import { createApiKeyAuthenticator } from './api-key-authenticator';

/** A key as the original OctoProxy minted it, and the SHA-256 hex its database kept. */
function originalKey(): { key: string; storedHash: string } {
  const key = `kp_${randomBytes(24).toString('base64url')}`;
  return { key, storedHash: createHash('sha256').update(key).digest('hex') };
}

describe('legacy kp_ API keys', () => {
  it('authenticate once migrated from their stored SHA-256, with or without a pepper', async () => {
    for (const pepper of [undefined, randomBytes(32)]) {
      const { key, storedHash } = originalKey();
      expect(looksLikeLegacyApiKey(key)).toBe(true);
      expect(looksLikeApiKey(key)).toBe(false);
      const store = new InMemoryApiKeyStore();
      const row = store.add({ keyHash: hashLegacyApiKeyDigest(storedHash, pepper) });
      const authenticator = createApiKeyAuthenticator({ keys: store, pepper });
      expect((await authenticator.authenticate(key)).id).toBe(row.id);
      // The database never holds the original's unsalted digest.
      expect(row.keyHash).not.toBe(storedHash);
    }
  });

  it('are refused when not migrated, or when only the stored digest is presented', async () => {
    const { key, storedHash } = originalKey();
    const store = new InMemoryApiKeyStore();
    store.add({ keyHash: storedHash });
    const authenticator = createApiKeyAuthenticator({ keys: store });
    await expect(authenticator.authenticate(key)).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
    await expect(authenticator.authenticate(storedHash)).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
    await expect(authenticator.authenticate(`${key}A`)).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
  });

  it('leave new keys hashed as before', () => {
    const minted = mintApiKey();
    expect(hashApiKey(minted.key)).toBe(createHash('sha256').update(minted.key).digest('hex'));
  });
});
