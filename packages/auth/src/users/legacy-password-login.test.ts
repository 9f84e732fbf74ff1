import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  InMemorySessionStore,
  InMemoryUserStore,
  fastArgon2Parameters,
} from '../../test/in-memory-stores';
import { createPasswordHasher } from '../passwords/password-hasher';
import { createSessionService } from '../sessions/session-service';
import { createLoginService } from './login-service';

describe('a password migrated from its legacy unsalted SHA-256', () => {
  it('logs in once and is then stored as a plain argon2id hash', async () => {
    const hasher = createPasswordHasher({ parameters: fastArgon2Parameters });
    const users = new InMemoryUserStore();
    const sessions = createSessionService({ sessions: new InMemorySessionStore(), users });
    const login = createLoginService({ users, sessions, hasher });
    const legacyDigest = createHash('sha256').update('old-password').digest('hex');
    const wrapped = await hasher.wrapLegacySha256(legacyDigest);
    expect(wrapped).not.toContain(legacyDigest);
    const user = await users.create({
      username: 'carol',
      role: 'user',
      passwordHash: wrapped,
      mustChangePassword: true,
    });

    await expect(login.login({ username: 'carol', password: 'old-passwor' })).rejects.toMatchObject(
      { code: 'invalid_credentials' },
    );
    // The digest itself is not a password.
    await expect(login.login({ username: 'carol', password: legacyDigest })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    const result = await login.login({ username: 'carol', password: 'old-password' });
    expect(result.user).toMatchObject({ id: user.id, mustChangePassword: true });

    const stored = (await users.findById(user.id))!.passwordHash;
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(hasher.needsRehash(stored)).toBe(false);
    expect(await hasher.verify(stored, 'old-password')).toBe(true);
  });

  it('refuses a value that is not a SHA-256 hex digest', async () => {
    const hasher = createPasswordHasher({ parameters: fastArgon2Parameters });
    await expect(hasher.wrapLegacySha256('admin123')).rejects.toThrow(TypeError);
  });
});
