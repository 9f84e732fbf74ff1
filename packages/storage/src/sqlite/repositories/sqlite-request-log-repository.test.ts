import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { base, day, seedRequestLogs as seed } from '../../../test/support/request-log-seed';
import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';

describe('request logs', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
    seed(temp);
  });
  afterEach(() => temp.dispose());

  it('lists newest first with filters and paging, including rows still queued', async () => {
    const { requestLogs } = temp.storage;
    const errors = await requestLogs.list({ outcome: 'error' });
    expect(errors.items.map((row) => row.status)).toEqual([429, 500]);
    expect((await requestLogs.list({ apiKeyId: 'k1', accountId: 'a2' })).total).toBe(1);
    expect((await requestLogs.list({ model: 'm2', status: 200 })).total).toBe(2);
    const page = await requestLogs.list({ from: base, to: base + day, limit: 5, offset: 18 });
    expect(page.total).toBe(23);
    expect(page.items.map((row) => row.latencyMs)).toEqual([500, 400, 300, 200, 100]);
    const first = page.items.at(-1)!;
    expect(await requestLogs.get(first.id)).toEqual(first);
    expect(first).toMatchObject({ route: '/v1/messages', stream: true, credits: 0.5, attempts: 1 });
  });

  it('deletes rows older than a cutoff (retention)', async () => {
    expect(await temp.storage.requestLogs.deleteOlderThan(base + day)).toBe(0);
    await temp.storage.flush();
    expect(await temp.storage.requestLogs.deleteOlderThan(base + day)).toBe(23);
    expect((await temp.storage.requestLogs.list()).total).toBe(1);
  });

  it('trims client strings and repairs bad numbers instead of poisoning the batch', async () => {
    temp.storage.requestLogs.append({
      route: '/v1/chat/completions',
      stream: false,
      status: Number.NaN,
      latencyMs: -5,
      userAgent: 'u'.repeat(5000),
      clientIp: '1'.repeat(200),
      inputTokens: 3.6,
      credits: Number.POSITIVE_INFINITY,
    });
    const [row] = (await temp.storage.requestLogs.list({ route: '/v1/chat/completions' })).items;
    expect(row).toMatchObject({ status: 0, latencyMs: 0, inputTokens: 4, credits: null });
    expect(row?.userAgent).toHaveLength(256);
    expect(row?.clientIp).toHaveLength(64);
    expect(temp.backgroundErrors).toEqual([]);
  });
});
