import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../test/support/temp-storage';

describe('batched writes', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage({ busyTimeoutMs: 20 });
  });
  afterEach(() => temp.dispose());

  const append = (requestId: unknown) =>
    temp.storage.requestLogs.append({
      requestId: requestId as string,
      route: '/v1/messages',
      stream: false,
      status: 200,
      latencyMs: 1,
    });

  it('keeps everything queued while another process holds the write lock, then writes it', async () => {
    const key = await temp.storage.apiKeys.create({
      keyHash: 'h',
      displayPrefix: 'p',
      last4: '1',
      name: 'k',
    });
    append('first');
    temp.storage.apiKeys.recordUsage({ apiKeyId: key.id });
    const other = new Database(temp.path);
    other.exec('BEGIN IMMEDIATE');
    await expect(temp.storage.flush()).rejects.toMatchObject({
      message: expect.stringMatching(/SQLITE_BUSY/),
    });
    append('second');
    expect((await temp.storage.apiKeys.get(key.id))?.totalRequests).toBe(1);
    other.exec('ROLLBACK');
    other.close();
    await temp.storage.flush();
    const rows = await temp.storage.requestLogs.list();
    expect(rows.items.map((row) => row.requestId).sort()).toEqual(['first', 'second']);
    expect((await temp.storage.apiKeys.get(key.id))?.totalRequests).toBe(1);
  });

  it('writes the rest of a batch when the database refuses one row, and reports it', async () => {
    append('good-1');
    append({ not: 'a string' });
    append('good-2');
    await temp.storage.flush();
    const rows = await temp.storage.requestLogs.list();
    expect(rows.items.map((row) => row.requestId).sort()).toEqual(['good-1', 'good-2']);
    expect(temp.backgroundErrors).toHaveLength(1);
    expect(String(temp.backgroundErrors[0])).toMatch(/dropped 1 queued writes/);
    append('good-3');
    await temp.storage.flush();
    expect((await temp.storage.requestLogs.list()).total).toBe(3);
  });
});
