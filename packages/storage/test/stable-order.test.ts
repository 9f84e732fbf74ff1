import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from './support/temp-storage';

/**
 * Rows made within one clock tick (the fake clock here never moves) must still list in the order
 * they were made: every list is ordered by creation time, then by an id that follows insertion.
 */
describe('list order within one millisecond', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  const names = Array.from({ length: 40 }, (_, index) => `n${String(index).padStart(2, '0')}`);

  it('accounts: oldest first, in insertion order (one at a time and in one batch)', async () => {
    for (const name of names.slice(0, 20)) {
      await temp.storage.accounts.create({
        name,
        authMethod: 'social',
        region: 'us-east-1',
        encryptedCredentials: 'sealed',
      });
    }
    await temp.storage.accounts.createMany(
      names.slice(20).map((name) => ({
        name,
        authMethod: 'idc' as const,
        region: 'us-east-1',
        encryptedCredentials: 'sealed',
      })),
    );
    expect((await temp.storage.accounts.listAll()).map((account) => account.name)).toEqual(names);
    expect((await temp.storage.accounts.list({ limit: 100 })).items.map((a) => a.name)).toEqual(
      names,
    );
  });

  it('API keys and sessions: newest first, in reverse insertion order', async () => {
    const user = await temp.storage.users.create({
      username: 'owner',
      role: 'admin',
      passwordHash: 'h',
    });
    for (const name of names) {
      await temp.storage.apiKeys.create({
        keyHash: `hash-${name}`,
        displayPrefix: 'sk-octo-',
        last4: name.slice(-4),
        name,
        userId: user.id,
      });
      await temp.storage.sessions.create({
        tokenHash: `token-${name}`,
        userId: user.id,
        expiresAt: Date.now() + 3_600_000,
        idleExpiresAt: Date.now() + 3_600_000,
        clientIp: name,
      });
    }
    const keys = await temp.storage.apiKeys.list({ limit: 100 });
    expect(keys.items.map((key) => key.name)).toEqual([...names].reverse());
    const sessions = await temp.storage.sessions.listActiveForUser(user.id);
    expect(sessions.map((session) => session.clientIp)).toEqual([...names].reverse());
  });
});
