import { InvalidRequestError } from '@octoproxy/converters';

import { estimatePasswordStrength, type PasswordScore } from './password-strength';

/** What a new password must satisfy. Length is what matters (NIST SP 800-63B); no composition rules. */
export interface PasswordPolicy {
  minLength: number;
  /** Bounds the work a single login can cause; long passphrases still fit. */
  maxLength: number;
  /** Passwords rejected outright, e.g. the seed's well-known default. Compared case-insensitively. */
  forbidden: readonly string[];
  /**
   * The least zxcvbn score accepted (3: "safely unguessable", about 10^10 guesses; `aaaaaaaa` and
   * `password1` score 0). 0 turns the check off.
   */
  minScore: PasswordScore;
}

/** The password every installation of the original shipped with; never acceptable as a new password. */
export const defaultAdminPassword = 'admin123';

export const defaultPasswordPolicy: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 8,
  maxLength: 256,
  forbidden: Object.freeze([defaultAdminPassword, 'password', '12345678', 'changeme']),
  minScore: 3,
});

/**
 * Unicode-normalises a password (NFKC), so the same passphrase typed on different keyboards or
 * platforms hashes the same. Applied before hashing and before verifying.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/**
 * Throws an {@link InvalidRequestError} (code `weak_password`, param `password`) naming the rule
 * broken, and for a guessable password why it is guessable. `userInputs` (the username) count as
 * words an attacker tries first.
 */
export function assertPasswordAcceptable(
  password: string,
  policy: Readonly<PasswordPolicy> = defaultPasswordPolicy,
  userInputs: readonly string[] = [],
): void {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const reject = (message: string): never => {
    throw new InvalidRequestError({ code: 'weak_password', param: 'password', message });
  };
  if (length < policy.minLength) {
    reject(`The password must be at least ${policy.minLength} characters long.`);
  }
  if (length > policy.maxLength) {
    reject(`The password must be at most ${policy.maxLength} characters long.`);
  }
  if (normalized.trim().length === 0) reject('The password must not be blank.');
  const lowered = normalized.toLowerCase();
  if (policy.forbidden.some((word) => word.toLowerCase() === lowered)) {
    reject('This password is too common; choose another.');
  }
  if (policy.minScore > 0) {
    const strength = estimatePasswordStrength(normalized, userInputs);
    if (strength.score < policy.minScore) {
      const why = strength.reasons.length === 0 ? '' : `: ${strength.reasons.join('; ')}`;
      reject(
        `This password is too easy to guess${why}. Longer passphrases of unrelated words work well.`,
      );
    }
  }
}
