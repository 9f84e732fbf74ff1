import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { base, day, hour, seedRequestLogs as seed } from '../../../test/support/request-log-seed';
import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';

const empty = { cacheWriteTokens: 0 };

describe('usage stats', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
    seed(temp);
  });
  afterEach(() => temp.dispose());

  it('buckets per hour with sums, errors, average and p95 latency', async () => {
    const points = await temp.storage.usageStats.series({
      from: base,
      to: base + 2 * day,
      bucket: 'hour',
    });
    expect(points).toEqual([
      {
        ...empty,
        bucketStart: base + 10 * hour,
        group: null,
        requests: 20,
        errors: 0,
        inputTokens: 200,
        outputTokens: 400,
        cacheReadTokens: 20,
        credits: 10,
        avgLatencyMs: 1050,
        p95LatencyMs: 1900,
        avgFirstByteMs: 50,
      },
      {
        ...empty,
        bucketStart: base + 11 * hour,
        group: null,
        requests: 3,
        errors: 1,
        inputTokens: 3,
        outputTokens: 6,
        cacheReadTokens: 0,
        credits: 0,
        avgLatencyMs: 200,
        p95LatencyMs: 300,
        avgFirstByteMs: null,
      },
      {
        ...empty,
        bucketStart: base + day + 5 * hour,
        group: null,
        requests: 1,
        errors: 1,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        credits: 0,
        avgLatencyMs: 700,
        p95LatencyMs: 700,
        avgFirstByteMs: null,
      },
    ]);
  });

  it('buckets per day and per model, honouring the exclusive end of the range', async () => {
    const byModel = await temp.storage.usageStats.series({
      from: base,
      to: base + 2 * day,
      bucket: 'day',
      groupBy: 'model',
    });
    expect(
      byModel.map(({ bucketStart, group, requests }) => [bucketStart, group, requests]),
    ).toEqual([
      [base, 'm1', 20],
      [base, 'm2', 3],
      [base + day, 'm1', 1],
    ]);
    const untilEleven = await temp.storage.usageStats.series({
      from: base,
      to: base + 11 * hour,
      bucket: 'day',
    });
    expect(untilEleven.map((point) => point.requests)).toEqual([20]);
  });

  it('moves day edges to local midnight with a UTC offset', async () => {
    const points = await temp.storage.usageStats.series({
      from: base,
      to: base + 2 * day,
      bucket: 'day',
      utcOffsetMinutes: 120,
    });
    expect(points.map(({ bucketStart, requests }) => [bucketStart, requests])).toEqual([
      [base - 2 * hour, 23],
      [base + day - 2 * hour, 1],
    ]);
    const west = await temp.storage.usageStats.series({
      from: base,
      to: base + 2 * day,
      bucket: 'day',
      utcOffsetMinutes: -6 * 60,
    });
    // 05:00 UTC on the 16th is 23:00 on the 15th at UTC−6: all 24 rows share one local day.
    expect(west.map(({ bucketStart, requests }) => [bucketStart, requests])).toEqual([
      [base + 6 * hour, 24],
    ]);
  });

  it('summarises per account and per key, most requests first, with filters', async () => {
    const byAccount = await temp.storage.usageStats.summary({ groupBy: 'account' });
    expect(
      byAccount.map(({ group, requests, errors, avgLatencyMs, p95LatencyMs }) => ({
        group,
        requests,
        errors,
        avgLatencyMs,
        p95LatencyMs,
      })),
    ).toEqual([
      { group: 'a1', requests: 20, errors: 0, avgLatencyMs: 1050, p95LatencyMs: 1900 },
      { group: 'a2', requests: 4, errors: 2, avgLatencyMs: 325, p95LatencyMs: 700 },
    ]);
    const k1 = await temp.storage.usageStats.summary({ filter: { apiKeyId: 'k1' } });
    expect(k1).toMatchObject([{ group: null, requests: 21, errors: 1, inputTokens: 200 }]);
    const byUser = await temp.storage.usageStats.summary({
      groupBy: 'user',
      from: base + 11 * hour,
    });
    expect(byUser.map(({ group, requests }) => [group, requests])).toEqual([[null, 4]]);
    expect(await temp.storage.usageStats.summary({ filter: { model: 'none' } })).toEqual([]);
  });
});
