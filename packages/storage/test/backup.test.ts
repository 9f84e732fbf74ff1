import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase, type Storage } from '../src/index';
import { openTempStorage, type TempStorage } from './support/temp-storage';

/** Everything a restore must bring back, read through the public API. */
async function snapshot(storage: Storage) {
  const users = await storage.users.list({ limit: 1000 });
  const accounts = await storage.accounts.listAll();
  return {
    users: users.items,
    passwordHashes: await Promise.all(
      users.items.map((user) => storage.users.getPasswordHash(user.id)),
    ),
    apiKeys: (await storage.apiKeys.list({ limit: 1000 })).items,
    accounts,
    credentials: await Promise.all(
      accounts.map((account) => storage.accounts.getEncryptedCredentials(account.id)),
    ),
    settings: await storage.settings.getAll(),
    logs: (await storage.requestLogs.list({ limit: 1000 })).items,
    audit: (await storage.auditLog.list({ limit: 1000 })).items,
  };
}

describe('backup', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
    const { storage } = temp;
    const admin = await storage.users.create({
      username: 'admin',
      role: 'admin',
      passwordHash: 'h',
    });
    const key = await storage.apiKeys.create({
      keyHash: 'kh',
      displayPrefix: 'sk-',
      last4: 'abcd',
      name: 'k',
      userId: admin.id,
    });
    const account = await storage.accounts.create({
      name: 'a',
      authMethod: 'idc',
      region: 'us-east-1',
      encryptedCredentials: 'sealed',
      entitlements: ['claude-sonnet-4.5'],
    });
    await storage.settings.setMany({ providerStrategy: 'round_robin', maxErrorCount: 4 });
    await storage.auditLog.append({ action: 'user.create', actorUserId: admin.id });
    for (let index = 0; index < 300; index += 1) {
      storage.requestLogs.append({
        route: '/v1/messages',
        stream: index % 2 === 0,
        status: 200,
        latencyMs: index,
        apiKeyId: key.id,
        accountId: account.id,
      });
      storage.apiKeys.recordUsage({ apiKeyId: key.id, outputTokens: 2 });
      storage.accounts.recordUse({ accountId: account.id });
    }
  });
  afterEach(() => temp.dispose());

  it('copies the live database, queued writes included, into a file that opens with the same rows', async () => {
    const copy = path.join(temp.dir, 'backup.db');
    await temp.storage.backup(copy);
    const restored = await openDatabase({ path: copy, clock: temp.clock.read });
    try {
      expect(await restored.checkIntegrity()).toEqual(['ok']);
      const original = await snapshot(temp.storage);
      expect(original.logs).toHaveLength(300);
      expect(original.apiKeys[0]?.totalRequests).toBe(300);
      expect(await snapshot(restored)).toEqual(original);
    } finally {
      await restored.close();
    }
  });

  it('stays consistent while writes go on during the copy', async () => {
    const copy = path.join(temp.dir, 'backup-under-load.db');
    await temp.storage.flush();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        temp.storage.requestLogs.append({
          route: '/v1/models',
          stream: false,
          status: 200,
          latencyMs: 1,
        });
        written += 1;
        if (written % 50 === 0) await temp.storage.flush();
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await temp.storage.backup(copy);
    writing = false;
    await writer;
    const restored = await openDatabase({ path: copy });
    try {
      expect(await restored.checkIntegrity()).toEqual(['ok']);
      const restoredLogs = (await restored.requestLogs.list({ limit: 1 })).total;
      expect(restoredLogs).toBeGreaterThanOrEqual(300);
      expect(restoredLogs).toBeLessThanOrEqual(300 + written);
      expect(await restored.settings.getAll()).toEqual(await temp.storage.settings.getAll());
    } finally {
      await restored.close();
    }
  });

  it('fails clearly when the destination cannot be written', async () => {
    await expect(
      temp.storage.backup(path.join(temp.dir, 'no-such-folder', 'backup.db')),
    ).rejects.toMatchObject({ code: 'query', message: expect.stringMatching(/^backup failed/) });
  });
});
