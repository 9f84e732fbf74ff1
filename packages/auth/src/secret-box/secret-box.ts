import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { SecretBoxError } from '../errors/secret-box-error';
import type { SecretKey, SecretKeyring } from './secret-key';

const envelopeVersion = 'v1';
const nonceBytes = 12;
const tagBytes = 16;
const envelopePattern = /^v1\.([0-9a-f]{12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]+)$/;

/**
 * Encrypts secrets for storage (upstream refresh tokens, OAuth client secrets) with AES-256-GCM.
 *
 * Envelope: `v1.<key id>.<nonce>.<ciphertext+tag>` (base64url parts). Each seal draws a fresh 96-bit
 * nonce; the associated data binds the value to its record (say `account:42:credentials`), so a
 * ciphertext copied to another row does not open. The version and key id are authenticated too.
 */
export interface SecretBox {
  readonly currentKeyId: string;
  seal(plaintext: string, associatedData: string): string;
  /** Throws {@link SecretBoxError}: never returns garbage for a wrong key or an altered value. */
  open(envelope: string, associatedData: string): string;
  /** Whether the value was sealed with another key than the current one (to re-seal after a rotation). */
  needsReseal(envelope: string): boolean;
  /** Opens with whichever key sealed it and seals again with the current key. */
  reseal(envelope: string, associatedData: string): string;
}

interface ParsedEnvelope {
  keyId: string;
  nonce: Buffer;
  sealed: Buffer;
}

function parseEnvelope(envelope: string): ParsedEnvelope {
  const match = envelopePattern.exec(envelope);
  const [, keyId, nonce, sealed] = match ?? [];
  if (keyId === undefined || nonce === undefined || sealed === undefined) {
    throw new SecretBoxError({
      reason: 'malformed_envelope',
      message: `A stored secret is not a ${envelopeVersion} sealed value; it may be plaintext or corrupt.`,
    });
  }
  const sealedBytes = Buffer.from(sealed, 'base64url');
  if (sealedBytes.length < tagBytes) {
    throw new SecretBoxError({
      reason: 'malformed_envelope',
      message: 'A stored secret is truncated.',
    });
  }
  return { keyId, nonce: Buffer.from(nonce, 'base64url'), sealed: sealedBytes };
}

function additionalData(keyId: string, associatedData: string): Buffer {
  return Buffer.from(
    `octoproxy/secret-box/${envelopeVersion}\0${keyId}\0${associatedData}`,
    'utf8',
  );
}

export function createSecretBox(keyring: SecretKeyring): SecretBox {
  const { current } = keyring;

  function keyFor(keyId: string): SecretKey {
    const key = keyring.keys.get(keyId);
    if (key === undefined) {
      const known = [...keyring.keys.keys()].join(', ');
      throw new SecretBoxError({
        reason: 'unknown_key_id',
        message:
          `Cannot decrypt a stored secret: it was sealed with key '${keyId}', which is not configured ` +
          `(configured: ${known}). The secret key was lost or changed: restore it, or keep it after ` +
          'the new key while rotating.',
      });
    }
    return key;
  }

  const box: SecretBox = {
    currentKeyId: current.id,

    seal(plaintext, associatedData) {
      const nonce = randomBytes(nonceBytes);
      const cipher = createCipheriv('aes-256-gcm', current.material, nonce, {
        authTagLength: tagBytes,
      });
      cipher.setAAD(additionalData(current.id, associatedData));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const sealed = Buffer.concat([ciphertext, cipher.getAuthTag()]);
      return [
        envelopeVersion,
        current.id,
        nonce.toString('base64url'),
        sealed.toString('base64url'),
      ].join('.');
    },

    open(envelope, associatedData) {
      const { keyId, nonce, sealed } = parseEnvelope(envelope);
      const key = keyFor(keyId);
      // A fixed tag length: GCM would otherwise accept a truncated tag, which is easier to forge.
      const decipher = createDecipheriv('aes-256-gcm', key.material, nonce, {
        authTagLength: tagBytes,
      });
      decipher.setAAD(additionalData(keyId, associatedData));
      decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
      try {
        const plaintext = Buffer.concat([
          decipher.update(sealed.subarray(0, sealed.length - tagBytes)),
          decipher.final(),
        ]);
        return plaintext.toString('utf8');
      } catch {
        throw new SecretBoxError({
          reason: 'decryption_failed',
          message:
            `Cannot decrypt a stored secret sealed with key '${keyId}': the key material is wrong, ` +
            'or the value was altered or belongs to another record.',
        });
      }
    },

    needsReseal(envelope) {
      return parseEnvelope(envelope).keyId !== current.id;
    },

    reseal(envelope, associatedData) {
      return box.seal(box.open(envelope, associatedData), associatedData);
    },
  };
  return box;
}
