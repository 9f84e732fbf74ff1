// Attacks on the login: each test performs the attack and checks it gets nowhere.
import { randomUUID } from 'node:crypto';

import { beforeEach, describe, expect, it } from 'vitest';

import {
  InMemorySessionStore,
  InMemoryUserStore,
  fastArgon2Parameters,
} from '../../test/in-memory-stores';
import { AuthenticationError } from '../errors/authentication-error';
import { RateLimitError } from '../errors/rate-limit-error';
import { createPasswordHasher, type PasswordHasher } from '../passwords/password-hasher';
import { createSessionService } from '../sessions/session-service';
import { createLoginService, type LoginService } from './login-service';
import { createLoginThrottle } from './login-throttle';

/** The real hasher, counting every argon2 verification it performs. */
function countingHasher(): PasswordHasher & { verifications: () => number } {
  const real = createPasswordHasher({ parameters: fastArgon2Parameters });
  let count = 0;
  return {
    ...real,
    verify(phcHash, password) {
      count += 1;
      return real.verify(phcHash, password);
    },
    verifyAgainstDummy(password) {
      count += 1;
      return real.verifyAgainstDummy(password);
    },
    verifications: () => count,
  };
}

function settle(attempts: Promise<unknown>[]): Promise<unknown[]> {
  return Promise.all(attempts.map((attempt) => attempt.catch((error: unknown) => error)));
}

describe('login under attack', () => {
  let hasher: ReturnType<typeof countingHasher>;
  let users: InMemoryUserStore;
  let login: LoginService;

  beforeEach(async () => {
    hasher = countingHasher();
    users = new InMemoryUserStore();
    const sessions = createSessionService({ sessions: new InMemorySessionStore(), users });
    login = createLoginService({ users, sessions, hasher });
    await users.create({
      username: 'alice',
      role: 'admin',
      passwordHash: await hasher.hash('alice-password'),
      mustChangePassword: false,
    });
  });

  it('verifies at most the free attempts of 500 parallel wrong passwords and refuses the right one mid-burst', async () => {
    const burst = Array.from({ length: 500 }, (_, index) =>
      login.login({
        username: 'alice',
        password: index === 250 ? 'alice-password' : `guess-${index}`,
        ip: '203.0.113.9',
      }),
    );
    const outcomes = await settle(burst);
    // 5 free attempts per username (the default).
    expect(hasher.verifications()).toBe(5);
    expect(outcomes.filter((outcome) => outcome instanceof AuthenticationError)).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome instanceof RateLimitError)).toHaveLength(495);
    expect(outcomes[250]).toBeInstanceOf(RateLimitError);
  });

  it('verifies at most 20 attempts of a parallel spray of usernames from one address', async () => {
    const spray = Array.from({ length: 200 }, (_, index) =>
      login.login({ username: `user-${index}`, password: 'Summer2026!', ip: '203.0.113.9' }),
    );
    await settle(spray);
    expect(hasher.verifications()).toBe(20);
  });

  it('counts two IPv6 addresses in one /64 as one client', async () => {
    const prefix = '2001:db8:42:7';
    const spray = Array.from({ length: 40 }, (_, index) =>
      login.login({
        username: `user-${index}`,
        password: 'guess-guess',
        ip: `${prefix}:${(index + 1).toString(16)}::${(index * 7).toString(16)}`,
      }),
    );
    const outcomes = await settle(spray);
    expect(hasher.verifications()).toBe(20);
    expect(outcomes.filter((outcome) => outcome instanceof RateLimitError)).toHaveLength(20);
    // Another /64 is another client.
    await expect(
      login.login({ username: 'alice', password: 'alice-password', ip: '2001:db8:42:8::1' }),
    ).resolves.toBeDefined();
  });

  it('does as much work for an over-long password whether or not the user exists', async () => {
    const long = 'x'.repeat(5_000);
    await settle([login.login({ username: 'alice', password: long })]);
    const forKnown = hasher.verifications();
    await settle([login.login({ username: 'nobody-here', password: long })]);
    const forUnknown = hasher.verifications() - forKnown;
    expect(forKnown).toBe(1);
    expect(forUnknown).toBe(forKnown);
  });
});

describe('login throttle under a flood of made-up usernames', () => {
  it('keeps a locked user locked after 20 000 other usernames fail', () => {
    const throttle = createLoginThrottle({ freeAttempts: 5 });
    for (let attempt = 0; attempt < 6; attempt += 1) throttle.recordFailure('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBeGreaterThan(0);
    for (let index = 0; index < 20_000; index += 1) {
      throttle.reserve(`user:${randomUUID()}`);
    }
    expect(throttle.retryAfterMs('user:alice')).toBeGreaterThan(0);
  });

  it('drops the lockout that ends soonest when every tracked key is locked', () => {
    let now = 0;
    const throttle = createLoginThrottle({ freeAttempts: 1, maxTrackedKeys: 3, now: () => now });
    for (const key of ['a', 'b', 'c']) {
      throttle.recordFailure(key);
      now += 10;
    }
    throttle.recordFailure('a');
    throttle.recordFailure('d');
    // b's lockout ended soonest; a (locked longer, failed twice) and c survive.
    expect(throttle.retryAfterMs('a')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('c')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('d')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('b')).toBe(0);
  });
});
