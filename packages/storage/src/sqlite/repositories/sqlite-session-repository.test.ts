import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';

describe('sessions', () => {
  let temp: TempStorage;
  let userId: string;
  beforeEach(async () => {
    temp = await openTempStorage();
    userId = (await temp.storage.users.create({ username: 'u', role: 'user', passwordHash: 'h' }))
      .id;
  });
  afterEach(() => temp.dispose());

  const hour = 3_600_000;
  const create = (tokenHash: string, idleMs = hour, absoluteMs = 8 * hour) =>
    temp.storage.sessions.create({
      tokenHash,
      userId,
      expiresAt: temp.clock.now + absoluteMs,
      idleExpiresAt: temp.clock.now + idleMs,
      userAgent: 'x'.repeat(1000),
      clientIp: '127.0.0.1',
    });

  it('finds a session with its user by token hash, never returning the hash', async () => {
    const session = await create('hash-1');
    expect(session.userAgent).toHaveLength(256);
    const found = await temp.storage.sessions.findByTokenHash('hash-1');
    expect(found?.session).toEqual(session);
    expect(found?.user.id).toBe(userId);
    expect(JSON.stringify(found)).not.toContain('hash-1');
    expect(await temp.storage.sessions.findByTokenHash('other')).toBeUndefined();
  });

  it('extends the idle expiry on touch, but not for a revoked session', async () => {
    const session = await create('hash-1');
    temp.clock.advance(10_000);
    await temp.storage.sessions.touch({
      sessionId: session.id,
      lastSeenAt: temp.clock.now,
      idleExpiresAt: temp.clock.now + hour,
    });
    expect(await temp.storage.sessions.get(session.id)).toMatchObject({
      lastSeenAt: temp.clock.now,
      idleExpiresAt: temp.clock.now + hour,
    });
    expect(await temp.storage.sessions.revoke(session.id)).toBe(true);
    expect(await temp.storage.sessions.revoke(session.id)).toBe(false);
    await temp.storage.sessions.touch({ sessionId: session.id, lastSeenAt: 1, idleExpiresAt: 1 });
    expect((await temp.storage.sessions.get(session.id))?.lastSeenAt).toBe(temp.clock.now);
  });

  it('revokes all of a user’s sessions but one, lists live ones and purges dead ones', async () => {
    const keep = await create('keep');
    await create('other');
    const shortIdle = await create('idle', 1000);
    expect(await temp.storage.sessions.revokeAllForUser({ userId, exceptSessionId: keep.id })).toBe(
      2,
    );
    temp.clock.advance(1);
    const live = await create('live');
    temp.clock.advance(2000);
    await create('expired-absolute', hour, 500);
    temp.clock.advance(1000);
    expect((await temp.storage.sessions.listActiveForUser(userId)).map((s) => s.id)).toEqual([
      live.id,
      keep.id,
    ]);
    expect(await temp.storage.sessions.deleteExpired()).toBe(3);
    expect(await temp.storage.sessions.get(shortIdle.id)).toBeUndefined();
    expect(await temp.storage.sessions.get(keep.id)).toBeDefined();
  });
});
