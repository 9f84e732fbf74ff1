import { beforeEach, describe, expect, it } from 'vitest';

import { InMemorySessionStore, InMemoryUserStore, fakeClock } from '../../test/in-memory-stores';
import { AuthenticationError } from '../errors/authentication-error';
import { createSessionService, type SessionService } from './session-service';
import { generateSessionToken, hashSessionToken } from './session-token';

const minute = 60_000;

async function expectAuthError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).code).toBe(code);
}

describe('createSessionService', () => {
  let clock: ReturnType<typeof fakeClock>;
  let store: InMemorySessionStore;
  let users: InMemoryUserStore;
  let sessions: SessionService;
  let userId: string;

  beforeEach(async () => {
    clock = fakeClock();
    store = new InMemorySessionStore();
    users = new InMemoryUserStore();
    userId = (
      await users.create({
        username: 'alice',
        role: 'admin',
        passwordHash: 'x',
        mustChangePassword: false,
      })
    ).id;
    sessions = createSessionService({
      sessions: store,
      users,
      now: clock.now,
      idleTimeoutMs: 30 * minute,
      absoluteTimeoutMs: 8 * 60 * minute,
    });
  });

  it('issues 256-bit tokens and stores only their SHA-256', async () => {
    const { token, session } = await sessions.create({ userId, ip: '10.0.0.1' });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(session.tokenHash).toBe(hashSessionToken(token));
    expect(JSON.stringify([...store.rows.values()])).not.toContain(token);
    expect(session.expiresAt.getTime() - clock.now()).toBe(8 * 60 * minute);
    const other = await sessions.create({ userId });
    expect(other.token).not.toBe(token);
  });

  it('resolves a live token to its session and user, without the password hash', async () => {
    const { token } = await sessions.create({ userId });
    const { user, session } = await sessions.authenticate(token);
    expect(user).toEqual({
      id: userId,
      username: 'alice',
      role: 'admin',
      active: true,
      mustChangePassword: false,
    });
    expect(session.userId).toBe(userId);
  });

  it('rejects unknown, malformed and near-miss tokens', async () => {
    const { token } = await sessions.create({ userId });
    await expectAuthError(sessions.authenticate(generateSessionToken()), 'invalid_session');
    const lastCharChanged = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await expectAuthError(sessions.authenticate(lastCharChanged), 'invalid_session');
    await expectAuthError(sessions.authenticate(token.slice(0, -1)), 'invalid_session');
    await expectAuthError(sessions.authenticate(''), 'invalid_session');
  });

  it('expires after the idle timeout and deletes the session', async () => {
    const { token } = await sessions.create({ userId });
    clock.advance(30 * minute - 1);
    await sessions.authenticate(token);
    clock.advance(30 * minute);
    await expectAuthError(sessions.authenticate(token), 'session_expired');
    expect(store.rows.size).toBe(0);
  });

  it('slides the idle timeout with activity, writing lastSeenAt at most once a minute', async () => {
    const { token } = await sessions.create({ userId });
    for (let step = 0; step < 10; step += 1) {
      clock.advance(20 * minute);
      await sessions.authenticate(token);
    }
    expect(store.touches).toBe(10);
    clock.advance(10_000);
    await sessions.authenticate(token);
    expect(store.touches).toBe(10);
  });

  it('expires at the absolute timeout however active the session is', async () => {
    const { token } = await sessions.create({ userId });
    for (let elapsed = 0; elapsed < 8 * 60 * minute - 20 * minute; elapsed += 20 * minute) {
      clock.advance(20 * minute);
      await sessions.authenticate(token);
    }
    clock.advance(20 * minute);
    await expectAuthError(sessions.authenticate(token), 'session_expired');
  });

  it('revokes one session on logout and all of a user on password change', async () => {
    const first = await sessions.create({ userId });
    const second = await sessions.create({ userId });
    await sessions.revoke(first.token);
    await expectAuthError(sessions.authenticate(first.token), 'invalid_session');
    await sessions.authenticate(second.token);
    const third = await sessions.create({ userId });
    await sessions.revokeAllForUser(userId);
    await expectAuthError(sessions.authenticate(second.token), 'invalid_session');
    await expectAuthError(sessions.authenticate(third.token), 'invalid_session');
    await expect(sessions.revoke('not-a-token')).resolves.toBeUndefined();
  });

  it('ends the sessions of a deactivated or deleted user', async () => {
    const { token } = await sessions.create({ userId });
    users.rows.get(userId)!.active = false;
    await expectAuthError(sessions.authenticate(token), 'invalid_session');
    expect(store.rows.size).toBe(0);
  });

  it('purges sessions past either expiry', async () => {
    await sessions.create({ userId });
    clock.advance(25 * minute);
    const active = await sessions.create({ userId });
    clock.advance(10 * minute);
    expect(await sessions.purgeExpired()).toBe(1);
    await sessions.authenticate(active.token);
  });
});
