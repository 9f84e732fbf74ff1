import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';
import { StorageError } from '../../storage-error';

describe('users', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  const newUser = (username: string, role: 'admin' | 'user' = 'user') => ({
    username,
    role,
    passwordHash: `hash-of-${username}`,
  });

  it('creates users whose objects never carry the password hash', async () => {
    const { users } = temp.storage;
    const created = await users.create(newUser('alice'));
    expect(created).toMatchObject({ username: 'alice', role: 'user', active: true });
    expect(Object.keys(created)).not.toContain('passwordHash');
    expect(JSON.stringify(await users.get(created.id))).not.toContain('hash-of-alice');
    expect(await users.findForLogin('ALICE')).toEqual({
      user: created,
      passwordHash: 'hash-of-alice',
    });
    expect(await users.getPasswordHash(created.id)).toBe('hash-of-alice');
  });

  it('treats usernames case-insensitively and reports a taken name without leaking values', async () => {
    const { users } = temp.storage;
    await users.create(newUser('admin'));
    const failure = await users
      .create({ username: 'Admin', role: 'user', passwordHash: 'secret-hash-value' })
      .catch((error: unknown) => error);
    expect(StorageError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'conflict', reason: 'unique', field: 'username' });
    expect(String((failure as Error).message)).not.toContain('secret-hash-value');
    expect((await users.getByUsername('ADMIN'))?.username).toBe('admin');
  });

  it('creates the first admin once and never resets it', async () => {
    const { users } = temp.storage;
    const first = await users.createIfNoAdmin(newUser('admin', 'admin'));
    expect(first?.role).toBe('admin');
    temp.clock.advance(1000);
    expect(await users.createIfNoAdmin({ ...newUser('admin', 'admin'), passwordHash: 'new' })).toBe(
      undefined,
    );
    expect(await users.getPasswordHash(first!.id)).toBe('hash-of-admin');
  });

  it('never leaves the system without an active admin', async () => {
    const { users } = temp.storage;
    const admin = await users.create(newUser('root', 'admin'));
    for (const attempt of [
      () => users.update(admin.id, { role: 'user' }),
      () => users.update(admin.id, { active: false }),
      () => users.delete(admin.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'conflict', reason: 'last-admin' });
    }
    const second = await users.create(newUser('ops', 'admin'));
    expect((await users.update(admin.id, { role: 'user' }))?.role).toBe('user');
    await expect(users.delete(second.id)).rejects.toMatchObject({ reason: 'last-admin' });
    expect(await users.update('missing', { active: false })).toBeUndefined();
  });

  it('sets a password and revokes the other sessions in one step', async () => {
    const { users, sessions } = temp.storage;
    const user = await users.create(newUser('bob'));
    const session = (token: string) =>
      sessions.create({ tokenHash: token, userId: user.id, expiresAt: 9e12, idleExpiresAt: 9e12 });
    const current = await session('t1');
    const other = await session('t2');
    temp.clock.advance(5000);
    const updated = await users.setPassword({
      userId: user.id,
      passwordHash: 'new-hash',
      keepSessionId: current.id,
    });
    expect(updated?.passwordChangedAt).toBe(temp.clock.now);
    expect(updated?.mustChangePassword).toBe(false);
    expect(await users.getPasswordHash(user.id)).toBe('new-hash');
    expect((await sessions.get(current.id))?.revokedAt).toBeNull();
    expect((await sessions.get(other.id))?.revokedAt).toBe(temp.clock.now);
    expect(await users.setPassword({ userId: 'missing', passwordHash: 'x' })).toBeUndefined();
  });

  it('deletes a user with their sessions and keys; the request log keeps the ids', async () => {
    const { users, sessions, apiKeys, requestLogs } = temp.storage;
    await users.create(newUser('admin', 'admin'));
    const user = await users.create(newUser('carol'));
    await sessions.create({
      tokenHash: 't',
      userId: user.id,
      expiresAt: 9e12,
      idleExpiresAt: 9e12,
    });
    const key = await apiKeys.create({
      keyHash: 'kh',
      displayPrefix: 'sk-',
      last4: '1234',
      name: 'k',
      userId: user.id,
    });
    requestLogs.append({
      route: '/v1/messages',
      stream: false,
      status: 200,
      latencyMs: 5,
      userId: user.id,
      apiKeyId: key.id,
    });
    expect(await users.delete(user.id)).toBe(true);
    expect(await users.delete(user.id)).toBe(false);
    expect(await sessions.findByTokenHash('t')).toBeUndefined();
    expect(await apiKeys.get(key.id)).toBeUndefined();
    expect((await requestLogs.list({ userId: user.id })).items[0]?.apiKeyId).toBe(key.id);
  });

  it('lists with filters, a literal search and paging, and counts', async () => {
    const { users } = temp.storage;
    await users.create(newUser('admin', 'admin'));
    await users.create(newUser('bob_1'));
    await users.create(newUser('bobby'));
    const bob = await users.create(newUser('BOB%'));
    await users.update(bob.id, { active: false });
    expect((await users.list({ search: 'bob' })).items.map((user) => user.username)).toEqual([
      'BOB%',
      'bob_1',
      'bobby',
    ]);
    expect((await users.list({ search: '%' })).items.map((user) => user.username)).toEqual([
      'BOB%',
    ]);
    expect((await users.list({ search: '_b' })).items.map((user) => user.username)).toEqual([]);
    expect((await users.list({ search: 'b_1' })).total).toBe(1);
    const page = await users.list({ role: 'user', active: true, limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items.map((user) => user.username)).toEqual(['bobby']);
    expect(await users.counts()).toEqual({ total: 4, admins: 1, users: 3, active: 3 });
  });

  it('records logins', async () => {
    const { users } = temp.storage;
    const user = await users.create(newUser('dave'));
    await users.recordLogin(user.id, 42);
    expect((await users.get(user.id))?.lastLoginAt).toBe(42);
  });
});
