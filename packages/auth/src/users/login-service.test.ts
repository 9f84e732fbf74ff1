import { InvalidRequestError } from '@octoproxy/converters';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  InMemorySessionStore,
  InMemoryUserStore,
  fakeClock,
  fastArgon2Parameters,
} from '../../test/in-memory-stores';
import { AuthenticationError } from '../errors/authentication-error';
import { PermissionError } from '../errors/permission-error';
import { RateLimitError } from '../errors/rate-limit-error';
import { createPasswordHasher } from '../passwords/password-hasher';
import { createSessionService, type SessionService } from '../sessions/session-service';
import { createLoginService, type LoginService } from './login-service';
import { createLoginThrottle } from './login-throttle';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('createLoginService', () => {
  const hasher = createPasswordHasher({ parameters: fastArgon2Parameters });
  let clock: ReturnType<typeof fakeClock>;
  let users: InMemoryUserStore;
  let sessionStore: InMemorySessionStore;
  let sessions: SessionService;
  let login: LoginService;

  beforeEach(async () => {
    clock = fakeClock();
    users = new InMemoryUserStore();
    sessionStore = new InMemorySessionStore();
    sessions = createSessionService({ sessions: sessionStore, users, now: clock.now });
    login = createLoginService({
      users,
      sessions,
      hasher,
      userThrottle: createLoginThrottle({ now: clock.now, freeAttempts: 5 }),
      ipThrottle: createLoginThrottle({ now: clock.now, freeAttempts: 8 }),
    });
    await users.create({
      username: 'alice',
      role: 'admin',
      passwordHash: await hasher.hash('alice-password'),
      mustChangePassword: false,
    });
  });

  it('opens a session for the right password', async () => {
    const result = await login.login({
      username: 'alice',
      password: 'alice-password',
      ip: '10.0.0.1',
    });
    expect(result.user.username).toBe('alice');
    expect(result.user).not.toHaveProperty('passwordHash');
    expect((await sessions.authenticate(result.token)).user.id).toBe(result.user.id);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await rejectionOf(login.login({ username: 'alice', password: 'nope-nope' }));
    const unknown = await rejectionOf(login.login({ username: 'mallory', password: 'nope-nope' }));
    for (const error of [wrong, unknown]) {
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({
        code: 'invalid_credentials',
        message: 'Invalid username or password.',
      });
    }
    expect(sessionStore.rows.size).toBe(0);
  });

  it('locks a username out after 5 failures, even for the right password, and tells how long', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await rejectionOf(login.login({ username: 'alice', password: 'guess' }));
    }
    const locked = await rejectionOf(
      login.login({ username: 'alice', password: 'alice-password' }),
    );
    expect(locked).toBeInstanceOf(RateLimitError);
    expect(locked).toMatchObject({
      code: 'login_throttled',
      retryAfterSeconds: 1,
      kind: 'rate_limit',
    });
    clock.advance(1000);
    await rejectionOf(login.login({ username: 'alice', password: 'guess' }));
    expect(
      await rejectionOf(login.login({ username: 'alice', password: 'alice-password' })),
    ).toMatchObject({ retryAfterSeconds: 2 });
    clock.advance(2000);
    await expect(
      login.login({ username: 'alice', password: 'alice-password' }),
    ).resolves.toBeDefined();
    // Success cleared the count: five fresh attempts before the next lockout.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect(
        await rejectionOf(login.login({ username: 'alice', password: 'guess' })),
      ).toBeInstanceOf(AuthenticationError);
    }
  });

  it('throttles an address spraying many usernames', async () => {
    for (let attempt = 0; attempt < 8; attempt += 1) {
      await rejectionOf(
        login.login({ username: `user${attempt}`, password: 'guess', ip: '203.0.113.9' }),
      );
    }
    const fromSprayer = await rejectionOf(
      login.login({ username: 'alice', password: 'alice-password', ip: '203.0.113.9' }),
    );
    expect(fromSprayer).toBeInstanceOf(RateLimitError);
    await expect(
      login.login({ username: 'alice', password: 'alice-password', ip: '198.51.100.7' }),
    ).resolves.toBeDefined();
  });

  it('refuses a disabled account only after the right password', async () => {
    users.rows.get('u1')!.active = false;
    expect(
      await rejectionOf(login.login({ username: 'alice', password: 'x-wrong-x' })),
    ).toBeInstanceOf(AuthenticationError);
    expect(
      await rejectionOf(login.login({ username: 'alice', password: 'alice-password' })),
    ).toBeInstanceOf(PermissionError);
  });

  it('upgrades a hash made with old parameters at login', async () => {
    const stronger = createPasswordHasher({
      parameters: { ...fastArgon2Parameters, timeCost: 2 },
    });
    const upgrading = createLoginService({ users, sessions, hasher: stronger });
    const before = users.rows.get('u1')!.passwordHash;
    await upgrading.login({ username: 'alice', password: 'alice-password' });
    const after = users.rows.get('u1')!.passwordHash;
    expect(after).not.toBe(before);
    expect(after).toContain('t=2');
    expect(stronger.needsRehash(after)).toBe(false);
    await upgrading.login({ username: 'alice', password: 'alice-password' });
    expect(users.rows.get('u1')!.passwordHash).toBe(after);
  });

  describe('changePassword', () => {
    it('stores the new password, clears must-change and ends every other session', async () => {
      users.rows.get('u1')!.mustChangePassword = true;
      const first = await login.login({ username: 'alice', password: 'alice-password' });
      const second = await login.login({ username: 'alice', password: 'alice-password' });
      const changed = await login.changePassword({
        userId: first.user.id,
        currentPassword: 'alice-password',
        newPassword: 'a much better passphrase',
      });
      expect(changed.user.mustChangePassword).toBe(false);
      expect(users.rows.get('u1')!.mustChangePassword).toBe(false);
      for (const old of [first, second]) {
        expect(await rejectionOf(sessions.authenticate(old.token))).toBeInstanceOf(
          AuthenticationError,
        );
      }
      await sessions.authenticate(changed.token);
      await expect(
        login.login({ username: 'alice', password: 'a much better passphrase' }),
      ).resolves.toBeDefined();
      expect(
        await rejectionOf(login.login({ username: 'alice', password: 'alice-password' })),
      ).toBeInstanceOf(AuthenticationError);
    });

    it('requires the current password and a acceptable, different new one', async () => {
      const wrong = await rejectionOf(
        login.changePassword({
          userId: 'u1',
          currentPassword: 'guess',
          newPassword: 'whatever-long',
        }),
      );
      expect(wrong).toMatchObject({ code: 'invalid_credentials' });
      const weak = await rejectionOf(
        login.changePassword({
          userId: 'u1',
          currentPassword: 'alice-password',
          newPassword: 'admin123',
        }),
      );
      expect(weak).toBeInstanceOf(InvalidRequestError);
      const same = await rejectionOf(
        login.changePassword({
          userId: 'u1',
          currentPassword: 'alice-password',
          newPassword: 'alice-password',
        }),
      );
      expect(same).toMatchObject({ code: 'weak_password' });
    });
  });
});
