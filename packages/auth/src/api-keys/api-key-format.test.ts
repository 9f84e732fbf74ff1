import { createHash, createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  apiKeyPrefix,
  displayApiKey,
  generateApiKey,
  hashApiKey,
  looksLikeApiKey,
  mintApiKey,
} from './api-key-format';

describe('API key format', () => {
  it('is sk-octo- plus 43 base62 characters (≥ 256 bits)', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^sk-octo-[0-9A-Za-z]{43}$/);
    expect(43 * Math.log2(62)).toBeGreaterThanOrEqual(256);
    expect(looksLikeApiKey(key)).toBe(true);
  });

  it('draws every key afresh, using the whole alphabet', () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    expect(new Set(keys).size).toBe(keys.length);
    const characters = new Set(keys.flatMap((key) => [...key.slice(apiKeyPrefix.length)]));
    expect(characters.size).toBe(62);
  });

  it('rejects other shapes before any lookup', () => {
    const key = generateApiKey();
    for (const candidate of [
      key.slice(0, -1),
      `${key}a`,
      key.replace('sk-octo-', 'sk-'),
      `${key.slice(0, -1)}-`,
      ` ${key}`,
      'kp_abcdefghijklmnopqrstuvwxyz012345',
      '',
    ]) {
      expect(looksLikeApiKey(candidate)).toBe(false);
    }
  });

  it('stores SHA-256 hex, or HMAC-SHA-256 under a pepper', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
    const pepper = Buffer.from('server pepper');
    expect(hashApiKey(key, pepper)).toBe(createHmac('sha256', pepper).update(key).digest('hex'));
    expect(hashApiKey(key, pepper)).not.toBe(hashApiKey(key));
  });

  it('mints the key once with its hash and display form, which reveal nothing more', () => {
    const minted = mintApiKey();
    expect(minted.keyHash).toBe(hashApiKey(minted.key));
    expect(minted.display).toBe(`sk-octo-…${minted.key.slice(-4)}`);
    expect(displayApiKey(minted.key)).toBe(minted.display);
    expect(minted.keyHash).not.toContain(minted.key.slice(apiKeyPrefix.length, -4));
  });
});
