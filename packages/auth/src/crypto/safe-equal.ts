import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares two secrets (or hashes of secrets) in constant time. `timingSafeEqual` needs equal lengths,
 * so both sides are first reduced to SHA-256 digests: the comparison then neither throws nor leaks the
 * expected length through an early return.
 */
export function safeEqual(actual: string, expected: string): boolean {
  const actualDigest = createHash('sha256').update(actual, 'utf8').digest();
  const expectedDigest = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(actualDigest, expectedDigest);
}
