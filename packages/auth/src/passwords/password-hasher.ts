import { createHash } from 'node:crypto';

import { hash, parseOptions, verify, type Algorithm, type Version } from '@node-rs/argon2';

import { owaspArgon2Parameters, type Argon2Parameters } from './argon2-parameters';
import { normalizePassword } from './password-policy';

/**
 * Marks a password migrated from the original OctoProxy, which stored unsalted SHA-256 hex: what
 * follows is an argon2id PHC string of that hex digest, so the weak digest never sits in the
 * database. It verifies like any hash and always `needsRehash`, so the first login replaces it with
 * a plain argon2id hash of the password.
 */
const legacySha256Marker = '$octoproxy-legacy-sha256$';

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// The package declares these as ambient const enums, which isolated modules cannot read.
const argon2id = 2 as Algorithm;
const version0x13 = 1 as Version;

/** Hashes and verifies passwords with argon2id; hashes are self-describing PHC strings. */
export interface PasswordHasher {
  /** A PHC string with a fresh 128-bit salt and the current parameters. */
  hash(password: string): Promise<string>;
  /**
   * Whether `password` matches `phcHash`, compared in constant time by the argon2 implementation.
   * A value that is not an argon2 PHC string (e.g. a legacy unsalted SHA-256) never matches.
   */
  verify(phcHash: string, password: string): Promise<boolean>;
  /** Whether `phcHash` was made with other parameters (or another algorithm) than the current ones. */
  needsRehash(phcHash: string): boolean;
  /**
   * Spends the same time as a real verification and returns false. Used for unknown users so response
   * time does not reveal which usernames exist.
   */
  verifyAgainstDummy(password: string): Promise<false>;
  /** The stored form of a password known only by its legacy unsalted SHA-256 hex (see the marker above). */
  wrapLegacySha256(sha256HexDigest: string): Promise<string>;
}

export interface PasswordHasherOptions {
  /** Defaults to {@link owaspArgon2Parameters}. Lower them only in tests. */
  parameters?: Readonly<Argon2Parameters>;
}

export function createPasswordHasher(options: PasswordHasherOptions = {}): PasswordHasher {
  const parameters = options.parameters ?? owaspArgon2Parameters;
  const argonOptions = {
    algorithm: argon2id,
    version: version0x13,
    memoryCost: parameters.memoryCost,
    timeCost: parameters.timeCost,
    parallelism: parameters.parallelism,
    outputLen: parameters.outputLength,
  };
  let dummyHash: Promise<string> | undefined;

  const hasher: PasswordHasher = {
    hash: (password) => hash(normalizePassword(password), argonOptions),

    async verify(phcHash, password) {
      if (phcHash.startsWith(legacySha256Marker)) {
        // The original hashed the password exactly as typed, without normalisation.
        return hasher.verify(phcHash.slice(legacySha256Marker.length), sha256Hex(password));
      }
      if (!phcHash.startsWith('$argon2')) return false;
      try {
        return await verify(phcHash, normalizePassword(password));
      } catch {
        // A corrupt stored hash must fail the login, not crash it.
        return false;
      }
    },

    needsRehash(phcHash) {
      try {
        const stored = parseOptions(phcHash);
        return (
          stored.algorithm !== argon2id ||
          stored.version !== version0x13 ||
          stored.memoryCost !== parameters.memoryCost ||
          stored.timeCost !== parameters.timeCost ||
          stored.parallelism !== parameters.parallelism ||
          stored.outputLen !== parameters.outputLength
        );
      } catch {
        return true;
      }
    },

    async wrapLegacySha256(sha256HexDigest) {
      if (!/^[0-9a-f]{64}$/i.test(sha256HexDigest)) {
        throw new TypeError('A legacy password hash must be 64 hexadecimal characters.');
      }
      return legacySha256Marker + (await hasher.hash(sha256HexDigest.toLowerCase()));
    },

    async verifyAgainstDummy(password) {
      dummyHash ??= hasher.hash('octoproxy-dummy-password');
      await hasher.verify(await dummyHash, password);
      return false;
    },
  };
  return hasher;
}
