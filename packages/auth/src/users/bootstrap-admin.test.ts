import { InvalidRequestError } from '@octoproxy/converters';
import { describe, expect, it } from 'vitest';

import { InMemoryUserStore, fastArgon2Parameters } from '../../test/in-memory-stores';
import { createPasswordHasher } from '../passwords/password-hasher';
import { bootstrapAdmin, planBootstrap } from './bootstrap-admin';

describe('planBootstrap', () => {
  it('creates admin with the configured password, ready to use', () => {
    expect(
      planBootstrap({ anyUserExists: false, configuredPassword: 'from-the-environment' }),
    ).toEqual({
      action: 'create-admin',
      username: 'admin',
      password: 'from-the-environment',
      mustChangePassword: false,
    });
  });

  it('falls back to the default password, flagged must-change', () => {
    for (const configuredPassword of [undefined, '']) {
      expect(planBootstrap({ anyUserExists: false, configuredPassword })).toEqual({
        action: 'create-admin',
        username: 'admin',
        password: 'admin123',
        mustChangePassword: true,
      });
    }
  });

  it('never acts once any user exists', () => {
    expect(planBootstrap({ anyUserExists: true })).toEqual({ action: 'none' });
    expect(
      planBootstrap({ anyUserExists: true, configuredPassword: 'from-the-environment' }),
    ).toEqual({
      action: 'none',
    });
  });

  it('refuses a weak configured password instead of creating a weak admin', () => {
    expect(() => planBootstrap({ anyUserExists: false, configuredPassword: 'short' })).toThrow(
      InvalidRequestError,
    );
  });
});

describe('bootstrapAdmin', () => {
  const hasher = createPasswordHasher({ parameters: fastArgon2Parameters });

  it('creates the first admin once and never again, even after it is renamed or demoted', async () => {
    const users = new InMemoryUserStore();
    const first = await bootstrapAdmin({ users, hasher });
    expect(first).toEqual({
      created: true,
      username: 'admin',
      userId: 'u1',
      usedDefaultPassword: true,
    });
    const admin = users.rows.get('u1')!;
    expect(admin).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(await hasher.verify(admin.passwordHash, 'admin123')).toBe(true);

    admin.username = 'root';
    admin.role = 'user';
    expect(
      await bootstrapAdmin({ users, hasher, configuredPassword: 'from-the-environment' }),
    ).toEqual({
      created: false,
    });
    expect(users.rows.size).toBe(1);
    expect(await hasher.verify(users.rows.get('u1')!.passwordHash, 'admin123')).toBe(true);
  });

  it('uses the configured password when given', async () => {
    const users = new InMemoryUserStore();
    const result = await bootstrapAdmin({
      users,
      hasher,
      configuredPassword: 'from-the-environment',
    });
    expect(result).toMatchObject({ created: true, usedDefaultPassword: false });
    const admin = users.rows.get('u1')!;
    expect(admin.mustChangePassword).toBe(false);
    expect(admin.passwordHash).not.toContain('from-the-environment');
    expect(await hasher.verify(admin.passwordHash, 'from-the-environment')).toBe(true);
  });
});
