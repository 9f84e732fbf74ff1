import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase, StorageError } from '../src/index';
import { FakeClock, makeTempDir } from './support/temp-storage';

describe('storage lifecycle', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'octo-proxy.db');
  });
  afterEach(() => temp.remove());

  it('tunes SQLite for a server', async () => {
    const storage = await openDatabase({ path: file, busyTimeoutMs: 1234 });
    await storage.close();
    const Database = (await import('better-sqlite3')).default;
    const connection = new Database(file, { readonly: true });
    expect(connection.pragma('journal_mode', { simple: true })).toBe('wal');
    connection.close();
    expect(storage.location).toBe(file);
  });

  it('loses nothing queued when closed: every row and counter is on disk after reopening', async () => {
    const clock = new FakeClock();
    const storage = await openDatabase({
      path: file,
      clock: clock.read,
      writeBehind: { flushIntervalMs: 3_600_000, maxBatchSize: 1000 },
    });
    const key = await storage.apiKeys.create({
      keyHash: 'h',
      displayPrefix: 'p',
      last4: '1',
      name: 'k',
    });
    const account = await storage.accounts.create({
      name: 'a',
      authMethod: 'social',
      region: 'us-east-1',
      encryptedCredentials: 'c',
    });
    for (let index = 0; index < 5000; index += 1) {
      storage.requestLogs.append({
        route: '/v1/messages',
        stream: false,
        status: 200,
        latencyMs: index,
      });
      storage.apiKeys.recordUsage({ apiKeyId: key.id, inputTokens: 3, outputTokens: 1 });
      storage.accounts.recordUse({ accountId: account.id });
    }
    await storage.close();
    await storage.close();

    const reopened = await openDatabase({ path: file, clock: clock.read });
    try {
      expect((await reopened.requestLogs.list({ limit: 1 })).total).toBe(5000);
      expect(await reopened.apiKeys.get(key.id)).toMatchObject({
        totalRequests: 5000,
        requestsToday: 5000,
        totalInputTokens: 15000,
        totalOutputTokens: 5000,
      });
      expect((await reopened.accounts.get(account.id))?.useCount).toBe(5000);
      const summary = await reopened.usageStats.summary();
      expect(summary[0]?.requests).toBe(5000);
    } finally {
      await reopened.close();
    }
  });

  it('checkpoints the write-ahead log into the database file on request', async () => {
    const storage = await openDatabase({ path: file });
    await storage.settings.set('marker', 'in-the-main-file');
    storage.requestLogs.append({ route: '/v1/messages', stream: false, status: 200, latencyMs: 1 });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    await storage.checkpoint();
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(readFileSync(file).includes('in-the-main-file')).toBe(true);
    expect((await storage.requestLogs.list()).total).toBe(1);
    await storage.close();
  });

  it('refuses work after close with a clear error', async () => {
    const storage = await openDatabase({ path: file });
    await storage.close();
    expect(() =>
      storage.requestLogs.append({
        route: '/v1/messages',
        stream: false,
        status: 200,
        latencyMs: 1,
      }),
    ).toThrow(expect.objectContaining({ code: 'closed' }));
    await expect(storage.users.list()).rejects.toMatchObject({ code: 'closed' });
    await expect(storage.checkIntegrity()).rejects.toMatchObject({ code: 'closed' });
  });

  it('says why it cannot open a file', async () => {
    const failure = await openDatabase({ path: path.join(temp.dir, 'missing', 'x.db') }).catch(
      (error: unknown) => error,
    );
    expect(StorageError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'open', message: expect.stringMatching(/cannot open/) });
  });

  it('can defer migrations to an explicit migrate()', async () => {
    const storage = await openDatabase({ path: file, migrate: false });
    await expect(storage.users.list()).rejects.toMatchObject({ code: 'query' });
    // Hot lookups are prepared on first use: one tried before the tables exist is prepared again.
    await expect(storage.users.get('u1')).rejects.toMatchObject({ code: 'query' });
    await expect(storage.apiKeys.getByHash('h')).rejects.toMatchObject({ code: 'query' });
    expect((await storage.migrate()).applied.length).toBeGreaterThan(0);
    expect((await storage.users.list()).total).toBe(0);
    expect(await storage.users.get('u1')).toBeUndefined();
    expect(await storage.apiKeys.getByHash('h')).toBeUndefined();
    await storage.close();
    await expect(storage.users.get('u1')).rejects.toMatchObject({ code: 'closed' });
  });
});
