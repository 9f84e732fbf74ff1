import { InvalidRequestError } from '@octoproxy/converters';
import { describe, expect, it } from 'vitest';

import { assertPasswordAcceptable, defaultAdminPassword } from './password-policy';

function rejection(password: string): InvalidRequestError {
  try {
    assertPasswordAcceptable(password);
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
    expect(() => assertPasswordAcceptable('🔑🔑🔑🔑🔑🔑🔑')).toThrow(/at least 8/);
    expect(() => assertPasswordAcceptable('🔑🔑🔑🔑🔑🔑🔑🔑')).not.toThrow();
  });
});
