import { InvalidRequestError } from '@octoproxy/converters';
import { describe, expect, it } from 'vitest';

import {
  InMemorySessionStore,
  InMemoryUserStore,
  fastArgon2Parameters,
} from '../../test/in-memory-stores';
import { createPasswordHasher } from '../passwords/password-hasher';
import { createSessionService } from '../sessions/session-service';
import { resetPassword } from './reset-password';

describe('resetPassword', () => {
  const hasher = createPasswordHasher({ parameters: fastArgon2Parameters });

  it('sets the password, applies must-change and ends the sessions', async () => {
    const users = new InMemoryUserStore();
    const sessionStore = new InMemorySessionStore();
    const sessions = createSessionService({ sessions: sessionStore, users });
    const { id } = await users.create({
      username: 'bob',
      role: 'user',
      passwordHash: await hasher.hash('forgotten-password'),
      mustChangePassword: false,
    });
    const { token } = await sessions.create({ userId: id });
    expect(
      await resetPassword({
        users,
        sessions: sessionStore,
        hasher,
        username: 'bob',
        newPassword: 'temporary-password',
        mustChangePassword: true,
      }),
    ).toEqual({ userId: id });
    const bob = users.rows.get(id)!;
    expect(await hasher.verify(bob.passwordHash, 'temporary-password')).toBe(true);
    expect(bob.mustChangePassword).toBe(true);
    await expect(sessions.authenticate(token)).rejects.toMatchObject({ code: 'invalid_session' });
  });

  it('names an unknown user and refuses a weak password', async () => {
    const users = new InMemoryUserStore();
    const sessions = new InMemorySessionStore();
    await expect(
      resetPassword({ users, sessions, hasher, username: 'ghost', newPassword: 'long-enough-1' }),
    ).rejects.toThrow("No user named 'ghost'.");
    await expect(
      resetPassword({ users, sessions, hasher, username: 'ghost', newPassword: 'short' }),
    ).rejects.toBeInstanceOf(InvalidRequestError);
  });
});
