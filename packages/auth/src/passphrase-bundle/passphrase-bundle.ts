import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

import { PassphraseBundleError } from '../errors/passphrase-bundle-error';

/**
 * A self-contained file encrypted under a passphrase (account exports): scrypt turns the passphrase
 * into an AES-256-GCM key; salt and nonce are random per bundle; the whole header (format, version,
 * KDF and cipher parameters) is authenticated as associated data, so a changed parameter fails like
 * a changed ciphertext byte.
 */
export interface PassphraseBundle {
  format: string;
  version: 1;
  kdf: { name: 'scrypt'; log2N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; nonce: string };
  /** base64url of ciphertext followed by the 16-byte tag. */
  data: string;
}

/** The least work factor accepted (2^15, OWASP's scrypt floor) and the most (a hostile bundle must not cost gigabytes). */
const minLog2N = 15;
const maxLog2N = 20;
const defaultLog2N = 16;
const saltBytes = 16;
const nonceBytes = 12;
const tagBytes = 16;
export const minPassphraseLength = 12;

const base64urlPattern = /^[A-Za-z0-9_-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isBase64url(value: unknown): value is string {
  return typeof value === 'string' && base64urlPattern.test(value);
}

/** Checks every field and refuses unknown ones: a bundle's header is small and fixed. */
function parseBundle(value: unknown): PassphraseBundle | string {
  if (!isRecord(value)) return 'not a JSON object';
  if (!hasOnlyKeys(value, ['format', 'version', 'kdf', 'cipher', 'data'])) return 'unknown field';
  const { format, version, kdf, cipher, data } = value;
  if (typeof format !== 'string' || format === '') return 'format missing';
  if (version !== 1) return `version ${String(version)} is not supported`;
  if (!isRecord(kdf) || !hasOnlyKeys(kdf, ['name', 'log2N', 'r', 'p', 'salt'])) return 'bad kdf';
  if (kdf.name !== 'scrypt') return 'kdf must be scrypt';
  if (!isIntegerIn(kdf.log2N, minLog2N, maxLog2N))
    return `kdf.log2N must be ${minLog2N}–${maxLog2N}`;
  if (!isIntegerIn(kdf.r, 1, 32) || !isIntegerIn(kdf.p, 1, 16))
    return 'kdf.r or kdf.p out of range';
  if (!isBase64url(kdf.salt)) return 'kdf.salt is not base64url';
  if (!isRecord(cipher) || !hasOnlyKeys(cipher, ['name', 'nonce'])) return 'bad cipher';
  if (cipher.name !== 'aes-256-gcm') return 'cipher must be aes-256-gcm';
  if (!isBase64url(cipher.nonce)) return 'cipher.nonce is not base64url';
  if (!isBase64url(data)) return 'data is not base64url';
  return {
    format,
    version: 1,
    kdf: { name: 'scrypt', log2N: kdf.log2N, r: kdf.r, p: kdf.p, salt: kdf.salt },
    cipher: { name: 'aes-256-gcm', nonce: cipher.nonce },
    data,
  };
}

/** The header as bytes, in a fixed order whatever order the JSON had. */
function associatedData(bundle: Omit<PassphraseBundle, 'data'>): Buffer {
  const { kdf, cipher } = bundle;
  return Buffer.from(
    JSON.stringify([
      bundle.format,
      bundle.version,
      kdf.name,
      kdf.log2N,
      kdf.r,
      kdf.p,
      kdf.salt,
      cipher.name,
      cipher.nonce,
    ]),
    'utf8',
  );
}

function deriveKey(passphrase: string, kdf: PassphraseBundle['kdf']): Promise<Buffer> {
  const N = 2 ** kdf.log2N;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFKC'),
      Buffer.from(kdf.salt, 'base64url'),
      32,
      { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export interface SealBundleOptions {
  /** Names what is inside, e.g. `octoproxy-accounts`; `openPassphraseBundle` checks it. */
  format: string;
  plaintext: string;
  passphrase: string;
  /** log2 of scrypt's N; default 16. Lower only in tests, never below 15. */
  log2N?: number;
}

export async function sealPassphraseBundle(options: SealBundleOptions): Promise<PassphraseBundle> {
  if (options.passphrase.length < minPassphraseLength) {
    throw new PassphraseBundleError({
      reason: 'malformed',
      message: `The passphrase must have at least ${minPassphraseLength} characters.`,
    });
  }
  const header: Omit<PassphraseBundle, 'data'> = {
    format: options.format,
    version: 1,
    kdf: {
      name: 'scrypt',
      log2N: Math.max(minLog2N, options.log2N ?? defaultLog2N),
      r: 8,
      p: 1,
      salt: randomBytes(saltBytes).toString('base64url'),
    },
    cipher: { name: 'aes-256-gcm', nonce: randomBytes(nonceBytes).toString('base64url') },
  };
  const key = await deriveKey(options.passphrase, header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.nonce, 'base64url'), {
    authTagLength: tagBytes,
  });
  cipher.setAAD(associatedData(header));
  const sealed = Buffer.concat([
    cipher.update(options.plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { ...header, data: sealed.toString('base64url') };
}

/** Whether a parsed JSON value looks like a passphrase bundle of `format` (before asking for the passphrase). */
export function isPassphraseBundle(value: unknown, format: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === format &&
    'data' in value &&
    'kdf' in value
  );
}

/**
 * Opens a bundle sealed by {@link sealPassphraseBundle}.
 * @throws PassphraseBundleError `malformed` or `decryption_failed` (wrong passphrase or altered bytes).
 */
export async function openPassphraseBundle(options: {
  bundle: unknown;
  passphrase: string;
  format: string;
}): Promise<string> {
  const bundle = parseBundle(options.bundle);
  if (typeof bundle === 'string') {
    throw new PassphraseBundleError({
      reason: 'malformed',
      message: `Not an encrypted bundle this version reads: ${bundle}.`,
    });
  }
  if (bundle.format !== options.format) {
    throw new PassphraseBundleError({
      reason: 'malformed',
      message: `This bundle holds '${bundle.format}', not '${options.format}'.`,
    });
  }
  const nonce = Buffer.from(bundle.cipher.nonce, 'base64url');
  const sealed = Buffer.from(bundle.data, 'base64url');
  if (nonce.length !== nonceBytes || sealed.length < tagBytes) {
    throw new PassphraseBundleError({ reason: 'malformed', message: 'The bundle is truncated.' });
  }
  const key = await deriveKey(options.passphrase, bundle.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: tagBytes });
  decipher.setAAD(associatedData(bundle));
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - tagBytes)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new PassphraseBundleError({
      reason: 'decryption_failed',
      message: 'Cannot open the bundle: the passphrase is wrong, or the file was altered.',
    });
  }
}
