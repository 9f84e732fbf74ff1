import { randomInt } from 'node:crypto';

const base62Alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A uniformly random base62 string from the OS CSPRNG. `randomInt` draws without modulo bias, so each
 * character carries log2(62) ≈ 5.95 bits. Base62 has no `-` or `_`, so a double click selects it whole.
 */
export function randomBase62(length: number): string {
  let result = '';
  for (let index = 0; index < length; index += 1) {
    result += base62Alphabet[randomInt(base62Alphabet.length)];
  }
  return result;
}

/** Characters needed for at least `bits` bits of entropy in base62. */
export function base62LengthFor(bits: number): number {
  return Math.ceil(bits / Math.log2(base62Alphabet.length));
}
