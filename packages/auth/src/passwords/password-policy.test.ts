import { InvalidRequestError } from '@octoproxy/converters';
import { describe, expect, it } from 'vitest';

import {
  assertPasswordAcceptable,
  defaultAdminPassword,
  defaultPasswordPolicy,
} from './password-policy';

function rejection(password: string, userInputs: string[] = []): InvalidRequestError {
  try {
    assertPasswordAcceptable(password, defaultPasswordPolicy, userInputs);
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('assertPasswordAcceptable', () => {
  it('accepts long enough passwords and passphrases', () => {
    expect(() => assertPasswordAcceptable('s3cret-enough')).not.toThrow();
    expect(() => assertPasswordAcceptable('correct horse battery staple')).not.toThrow();
  });

  it('rejects short, blank, overlong and well-known passwords with a weak_password error', () => {
    expect(rejection('short').message).toMatch(/at least 8 characters/);
    expect(rejection('          ').message).toMatch(/blank/);
    expect(rejection('x'.repeat(257)).message).toMatch(/at most 256/);
    expect(rejection(defaultAdminPassword).message).toMatch(/too common/);
    expect(rejection('ADMIN123').code).toBe('weak_password');
    expect(rejection('short').param).toBe('password');
  });

  it('counts characters, not UTF-16 units', () => {
    const lengthOnly = { ...defaultPasswordPolicy, minScore: 0 as const };
    expect(() => assertPasswordAcceptable('🔑🔑🔑🔑🔑🔑🔑', lengthOnly)).toThrow(/at least 8/);
    expect(() => assertPasswordAcceptable('🔑🔑🔑🔑🔑🔑🔑🔑', lengthOnly)).not.toThrow();
  });

  it('refuses guessable passwords of any length and says why', () => {
    const repeated = rejection('aaaaaaaa');
    expect(repeated.code).toBe('weak_password');
    expect(repeated.message).toMatch(/too easy to guess: it repeats a character/);
    expect(rejection('password1').message).toMatch(/commonly used password/);
    expect(rejection('qwertyuiop').message).toMatch(/keyboard|common/);
    expect(rejection('Summer2026').message).toMatch(/too easy to guess/);
    // The username is the first word an attacker tries.
    expect(() => assertPasswordAcceptable('zebrafinch-17')).not.toThrow();
    expect(rejection('zebrafinch-17', ['zebrafinch-17']).message).toMatch(/username/);
  });
});
