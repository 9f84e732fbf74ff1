import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { SecretBoxError } from '../errors/secret-box-error';
import { generateSecretKey, parseSecretKey, parseSecretKeyring, secretKeyId } from './secret-key';

function thrown(action: () => unknown): SecretBoxError {
  try {
    action();
  } catch (error) {
    if (error instanceof SecretBoxError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('secret keys', () => {
  it('generates base64 keys of 32 random bytes that parse back', () => {
    const text = generateSecretKey();
    expect(text).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const key = parseSecretKey(text);
    expect(Buffer.from(key.material).toString('base64')).toBe(text);
    expect(key.id).toMatch(/^[0-9a-f]{12}$/);
    expect(generateSecretKey()).not.toBe(text);
  });

  it('reads base64, base64url and hex forms of the same key alike', () => {
    const material = randomBytes(32);
    const forms = [
      material.toString('base64'),
      material.toString('base64url'),
      material.toString('hex'),
      material.toString('hex').toUpperCase(),
      `  ${material.toString('base64')}\n`,
    ];
    for (const form of forms) {
      const key = parseSecretKey(form);
      expect(Buffer.from(key.material).equals(material)).toBe(true);
      expect(key.id).toBe(secretKeyId(material));
    }
  });

  it('gives different keys different ids', () => {
    expect(secretKeyId(randomBytes(32))).not.toBe(secretKeyId(randomBytes(32)));
  });

  it('rejects wrong sizes and encodings with a clear error that never echoes the material', () => {
    const short = randomBytes(24).toString('base64');
    const almost = randomBytes(32).toString('base64').slice(0, -2);
    const cases = [short, almost, 'not a key', randomBytes(31).toString('hex'), 'é'.repeat(44)];
    for (const text of cases) {
      const error = thrown(() => parseSecretKey(text));
      expect(error.reason).toBe('invalid_key');
      expect(error.message).toMatch(/32 random bytes/);
      expect(error.message).not.toContain(text);
    }
  });

  it('reads a keyring: first key current, comments and blank lines ignored', () => {
    const current = generateSecretKey();
    const previous = generateSecretKey();
    const keyring = parseSecretKeyring(`# rotated 2025-01-15\n${current}\n\n# old\n${previous}\n`);
    expect(keyring.current.id).toBe(parseSecretKey(current).id);
    expect([...keyring.keys.keys()]).toEqual([
      parseSecretKey(current).id,
      parseSecretKey(previous).id,
    ]);
    expect(parseSecretKeyring(`${current},${previous}`).keys.size).toBe(2);
  });

  it('names the bad entry of a keyring and refuses an empty one', () => {
    const error = thrown(() => parseSecretKeyring(`${generateSecretKey()}\nsecond-is-bad`));
    expect(error.message).toMatch(/^Secret key 2 /);
    expect(thrown(() => parseSecretKeyring('# nothing here\n')).message).toMatch(/No secret key/);
  });
});
