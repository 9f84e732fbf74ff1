import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { fastArgon2Parameters } from '../../test/in-memory-stores';
import { owaspArgon2Parameters } from './argon2-parameters';
import { createPasswordHasher } from './password-hasher';

describe('createPasswordHasher', () => {
  const hasher = createPasswordHasher();

  it('hashes with argon2id and the OWASP parameters into a salted PHC string', async () => {
    const phc = await hasher.hash('correct horse battery staple');
    expect(phc).toMatch(
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    expect(owaspArgon2Parameters).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const again = await hasher.hash('correct horse battery staple');
    expect(again).not.toBe(phc);
  });

  it('verifies the right password and rejects wrong ones', async () => {
    const phc = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify(phc, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(phc, 'correct horse battery stapl')).toBe(false);
    expect(await hasher.verify(phc, 'Correct horse battery staple')).toBe(false);
    expect(await hasher.verify(phc, '')).toBe(false);
  });

  it('treats canonically equivalent Unicode input as the same password', async () => {
    const composed = 'caf\u00e9 au lait';
    const decomposed = 'cafe\u0301 au lait';
    const phc = await hasher.hash(composed);
    expect(await hasher.verify(phc, decomposed)).toBe(true);
  });

  it('never matches a legacy unsalted SHA-256 or a corrupt hash, and asks for a rehash', async () => {
    const legacy = createHash('sha256').update('admin123').digest('hex');
    expect(await hasher.verify(legacy, 'admin123')).toBe(false);
    expect(hasher.needsRehash(legacy)).toBe(true);
    const corrupt = '$argon2id$v=19$m=19456,t=2,p=1$not-base64!$x';
    expect(await hasher.verify(corrupt, 'admin123')).toBe(false);
    expect(hasher.needsRehash(corrupt)).toBe(true);
  });

  it('asks for a rehash only when the parameters changed', async () => {
    const weak = createPasswordHasher({ parameters: fastArgon2Parameters });
    const oldHash = await weak.hash('correct horse battery staple');
    expect(weak.needsRehash(oldHash)).toBe(false);
    expect(hasher.needsRehash(oldHash)).toBe(true);
    // The old hash still verifies under the new policy: its parameters travel with it.
    expect(await hasher.verify(oldHash, 'correct horse battery staple')).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
  });

  it('runs a real verification for unknown users and always answers false', async () => {
    expect(await hasher.verifyAgainstDummy('octoproxy-dummy-password')).toBe(false);
    expect(await hasher.verifyAgainstDummy('anything')).toBe(false);
  });
});
