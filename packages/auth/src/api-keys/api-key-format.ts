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
 * The stored form of a key: SHA-256 hex, or HMAC-SHA-256 under `pepper` when the app configures one.
 * Changing the pepper invalidates every key.
 */
export function hashApiKey(key: string, pepper?: Uint8Array): string {
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
