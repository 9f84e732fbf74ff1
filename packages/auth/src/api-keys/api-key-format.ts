import { createHash } from 'node:crypto';

import { base62LengthFor, randomBase62 } from '../crypto/random-string';
import { hashToken } from '../crypto/token-hash';

/** Every key starts with this, so people, logs and secret scanners recognise one at a glance. */
export const apiKeyPrefix = 'sk-octo-';

const apiKeyBodyLength = base62LengthFor(256);
const apiKeyPattern = new RegExp(`^${apiKeyPrefix}[0-9A-Za-z]{${apiKeyBodyLength}}$`);

/** A key just minted. `key` is shown to its owner once and never stored; store `keyHash` and `display`. */
export interface MintedApiKey {
  key: string;
  keyHash: string;
  display: string;
}

/** Draws a new key: `sk-octo-` and 43 base62 characters (256 bits) from the OS CSPRNG. */
export function generateApiKey(): string {
  return apiKeyPrefix + randomBase62(apiKeyBodyLength);
}

/** Cheap shape check before any hashing or lookup. */
export function looksLikeApiKey(value: string): boolean {
  return apiKeyPattern.test(value);
}

/**
 * Keys of the original OctoProxy: `kp_` and base64url of 24 random bytes (192 bits), which it stored
 * as unsalted SHA-256 hex. Migrated keys keep working; new keys are never minted in this form.
 */
const legacyApiKeyPattern = /^kp_[A-Za-z0-9_-]{32}$/;

export function looksLikeLegacyApiKey(value: string): boolean {
  return legacyApiKeyPattern.test(value);
}

/**
 * The stored form of a legacy key, made from the SHA-256 hex the original database kept (the key
 * itself is unknown at migration). The digest is hashed again like a new key (under the pepper when
 * there is one), behind a label that keeps it apart from every new key's hash.
 */
export function hashLegacyApiKeyDigest(sha256Hex: string, pepper?: Uint8Array): string {
  return hashToken(`octoproxy-legacy-sha256:${sha256Hex.toLowerCase()}`, pepper);
}

/**
 * The stored form of a key: SHA-256 hex, or HMAC-SHA-256 under `pepper` when the app configures one.
 * Changing the pepper invalidates every key. A legacy `kp_` key maps to its migrated form.
 */
export function hashApiKey(key: string, pepper?: Uint8Array): string {
  if (looksLikeLegacyApiKey(key)) {
    return hashLegacyApiKeyDigest(createHash('sha256').update(key, 'utf8').digest('hex'), pepper);
  }
  return hashToken(key, pepper);
}

/** What the UI shows for a key: the prefix and the last four characters, e.g. `sk-octo-…a1B2`. */
export function displayApiKey(key: string): string {
  return `${apiKeyPrefix}…${key.slice(-4)}`;
}

export function mintApiKey(options: { pepper?: Uint8Array } = {}): MintedApiKey {
  const key = generateApiKey();
  return { key, keyHash: hashApiKey(key, options.pepper), display: displayApiKey(key) };
}
