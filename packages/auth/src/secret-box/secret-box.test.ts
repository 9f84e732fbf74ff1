import { describe, expect, it } from 'vitest';

import { SecretBoxError } from '../errors/secret-box-error';
import { assertKeyCheck, createKeyCheck } from './key-check';
import { createSecretBox } from './secret-box';
import {
  createSecretKeyring,
  generateSecretKey,
  parseSecretKey,
  parseSecretKeyring,
} from './secret-key';

const credentials = JSON.stringify({
  accessToken: 'aoa-access-token-1234567890',
  refreshToken: 'aor-refresh-token-0987654321',
  clientSecret: 'secret: ünïcödé ✓',
});

function failure(action: () => unknown): SecretBoxError {
  try {
    action();
  } catch (error) {
    if (error instanceof SecretBoxError) return error;
    throw error;
  }
  throw new Error('opened');
}

/** Flips one bit of one base64url part of an envelope, keeping it well-formed. */
function tamper(envelope: string, part: number): string {
  const parts = envelope.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0]! ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('createSecretBox', () => {
  const key = parseSecretKey(generateSecretKey());
  const box = createSecretBox(createSecretKeyring([key]));

  it('round-trips, in a versioned envelope that shows no plaintext', () => {
    const sealed = box.seal(credentials, 'account:42:credentials');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed.split('.')[1]).toBe(key.id);
    expect(sealed).not.toContain('refresh');
    expect(box.open(sealed, 'account:42:credentials')).toBe(credentials);
    expect(box.open(box.seal('', 'x'), 'x')).toBe('');
  });

  it('draws a fresh nonce for every seal', () => {
    const envelopes = Array.from({ length: 50 }, () => box.seal(credentials, 'account:42'));
    expect(new Set(envelopes.map((envelope) => envelope.split('.')[2])).size).toBe(50);
  });

  it('refuses a value opened for another record', () => {
    const sealed = box.seal(credentials, 'account:42:credentials');
    for (const otherRecord of ['account:43:credentials', 'account:42:profile', '']) {
      expect(failure(() => box.open(sealed, otherRecord)).reason).toBe('decryption_failed');
    }
  });

  it('refuses any altered ciphertext, tag or nonce', () => {
    const sealed = box.seal(credentials, 'account:42');
    expect(failure(() => box.open(tamper(sealed, 2), 'account:42')).reason).toBe(
      'decryption_failed',
    );
    expect(failure(() => box.open(tamper(sealed, 3), 'account:42')).reason).toBe(
      'decryption_failed',
    );
    const parts = sealed.split('.');
    const sealedBytes = Buffer.from(parts[3]!, 'base64url');
    sealedBytes[sealedBytes.length - 1]! ^= 0x80;
    parts[3] = sealedBytes.toString('base64url');
    expect(failure(() => box.open(parts.join('.'), 'account:42')).reason).toBe('decryption_failed');
  });

  it('refuses a truncated value instead of accepting a shorter tag', () => {
    const parts = box.seal(credentials, 'account:42').split('.');
    const sealedBytes = Buffer.from(parts[3]!, 'base64url');
    parts[3] = sealedBytes.subarray(0, sealedBytes.length - 4).toString('base64url');
    expect(failure(() => box.open(parts.join('.'), 'account:42')).reason).toBe('decryption_failed');
    parts[3] = sealedBytes.subarray(0, 15).toString('base64url');
    expect(failure(() => box.open(parts.join('.'), 'account:42')).reason).toBe(
      'malformed_envelope',
    );
  });

  it('says the key is unknown when it was lost or changed, naming ids only', () => {
    const sealed = box.seal(credentials, 'account:42');
    const otherKey = parseSecretKey(generateSecretKey());
    const otherBox = createSecretBox(createSecretKeyring([otherKey]));
    const error = failure(() => otherBox.open(sealed, 'account:42'));
    expect(error.reason).toBe('unknown_key_id');
    expect(error.message).toContain(key.id);
    expect(error.message).toContain(otherKey.id);
    expect(error.message).not.toContain(Buffer.from(key.material).toString('base64'));
    expect(error).toMatchObject({
      kind: 'internal',
      fault: 'gateway',
      code: 'secret_box_unknown_key_id',
    });
  });

  it('says decryption failed when a value claims the current key id but was sealed with another key', () => {
    const foreignKey = parseSecretKey(generateSecretKey());
    const foreign = createSecretBox(createSecretKeyring([foreignKey])).seal(
      credentials,
      'account:42',
    );
    const relabelled = foreign.replace(`.${foreignKey.id}.`, `.${key.id}.`);
    expect(failure(() => box.open(relabelled, 'account:42')).reason).toBe('decryption_failed');
  });

  it('refuses plaintext, other versions and garbage as malformed', () => {
    for (const value of [
      credentials,
      '',
      'v2.abcdefabcdef.AAAAAAAAAAAAAAAA.AAAA',
      'v1.nothex!!!!!.x.y',
    ]) {
      expect(failure(() => box.open(value, 'account:42')).reason).toBe('malformed_envelope');
    }
  });

  describe('rotation', () => {
    const oldText = generateSecretKey();
    const newText = generateSecretKey();
    const oldBox = createSecretBox(parseSecretKeyring(oldText));
    const rotated = createSecretBox(parseSecretKeyring(`${newText}\n${oldText}`));

    it('opens values of any known key and seals with the current one', () => {
      const oldValue = oldBox.seal(credentials, 'account:7');
      expect(rotated.open(oldValue, 'account:7')).toBe(credentials);
      expect(rotated.currentKeyId).toBe(parseSecretKey(newText).id);
      const newValue = rotated.seal(credentials, 'account:7');
      expect(newValue.split('.')[1]).toBe(rotated.currentKeyId);
      expect(failure(() => oldBox.open(newValue, 'account:7')).reason).toBe('unknown_key_id');
    });

    it('tells which values to re-seal and re-seals them under the current key', () => {
      const oldValue = oldBox.seal(credentials, 'account:7');
      expect(rotated.needsReseal(oldValue)).toBe(true);
      const resealed = rotated.reseal(oldValue, 'account:7');
      expect(rotated.needsReseal(resealed)).toBe(false);
      expect(createSecretBox(parseSecretKeyring(newText)).open(resealed, 'account:7')).toBe(
        credentials,
      );
      expect(failure(() => rotated.reseal(oldValue, 'account:8')).reason).toBe('decryption_failed');
    });
  });

  describe('key check', () => {
    it('passes with the same key and fails clearly with a changed one', () => {
      const check = createKeyCheck(box);
      expect(() => assertKeyCheck(box, check)).not.toThrow();
      const changed = createSecretBox(parseSecretKeyring(generateSecretKey()));
      expect(failure(() => assertKeyCheck(changed, check)).reason).toBe('unknown_key_id');
    });
  });
});
