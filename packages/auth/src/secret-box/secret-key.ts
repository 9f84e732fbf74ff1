import { createHash, randomBytes } from 'node:crypto';

import { SecretBoxError } from '../errors/secret-box-error';

/** AES-256 needs exactly 32 bytes of key. */
export const secretKeyBytes = 32;

/** One 256-bit key and its id. The id is a fingerprint of the key, so a changed key shows as a new id. */
export interface SecretKey {
  readonly id: string;
  readonly material: Uint8Array;
}

/** The keys the box knows: seals with `current`, opens with any. */
export interface SecretKeyring {
  readonly current: SecretKey;
  readonly keys: ReadonlyMap<string, SecretKey>;
}

const hexKeyPattern = /^[0-9a-fA-F]{64}$/;
const base64KeyPattern = /^[A-Za-z0-9+/_-]{43}=?$/;

const keyFormatHelp =
  'A secret key is 32 random bytes written as base64 (44 characters, e.g. `openssl rand -base64 32`) ' +
  'or hex (64 characters).';

/**
 * A new random key in the text form {@link parseSecretKeyring} reads (base64). The app writes it to the
 * key file (mode 0600) on first start or shows it for `OCTOPROXY_SECRET_KEY`.
 */
export function generateSecretKey(): string {
  return randomBytes(secretKeyBytes).toString('base64');
}

/**
 * The id of a key: 12 hex characters of a domain-separated SHA-256 of the material. Reveals nothing
 * usable about a 256-bit key, needs no naming by the operator, and differs for every key.
 */
export function secretKeyId(material: Uint8Array): string {
  return createHash('sha256')
    .update('octoproxy/secret-key-id\0')
    .update(material)
    .digest('hex')
    .slice(0, 12);
}

function decodeKeyText(text: string, position: number): Uint8Array {
  const where = `Secret key ${position}`;
  let material: Buffer | undefined;
  if (hexKeyPattern.test(text)) material = Buffer.from(text, 'hex');
  else if (base64KeyPattern.test(text)) material = Buffer.from(text, 'base64');
  if (material?.length !== secretKeyBytes) {
    // Never echo the text: it may be a real key with one character missing.
    throw new SecretBoxError({
      reason: 'invalid_key',
      message: `${where} is not valid (${text.length} characters). ${keyFormatHelp}`,
    });
  }
  return new Uint8Array(material);
}

/** Reads one key from its text form (base64, base64url or hex of 32 bytes). */
export function parseSecretKey(text: string): SecretKey {
  const material = decodeKeyText(text.trim(), 1);
  return { id: secretKeyId(material), material };
}

/**
 * Reads key material as the app found it (environment variable or key file): one or more keys
 * separated by commas, spaces or newlines; lines starting with `#` are comments. The first key is
 * current; the others only open values sealed before a rotation. Throws {@link SecretBoxError}
 * `invalid_key` with a message that says what is wrong and never contains key material.
 */
export function parseSecretKeyring(text: string): SecretKeyring {
  const entries = text
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter((entry) => entry !== '');
  const parsed = entries.map((entry, index) => {
    const material = decodeKeyText(entry, index + 1);
    return { id: secretKeyId(material), material };
  });
  const [current] = parsed;
  if (current === undefined) {
    throw new SecretBoxError({
      reason: 'invalid_key',
      message: `No secret key given. ${keyFormatHelp}`,
    });
  }
  return { current, keys: new Map(parsed.map((key) => [key.id, key])) };
}

/** A keyring from keys already parsed; the first is current. */
export function createSecretKeyring(keys: readonly [SecretKey, ...SecretKey[]]): SecretKeyring {
  return { current: keys[0], keys: new Map(keys.map((key) => [key.id, key])) };
}
