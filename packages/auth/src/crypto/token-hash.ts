import { createHash, createHmac } from 'node:crypto';

/**
 * The stored form of a high-entropy token (session token, API key): SHA-256, or HMAC-SHA-256 when the
 * app supplies a pepper. A fast hash is right here: a 256-bit random token cannot be guessed, so a slow
 * KDF would only cost latency on every request. The pepper adds that a stolen database alone is not
 * enough to test candidate tokens offline.
 */
export function hashToken(token: string, pepper?: Uint8Array): string {
  const hash = pepper === undefined ? createHash('sha256') : createHmac('sha256', pepper);
  return hash.update(token, 'utf8').digest('hex');
}
