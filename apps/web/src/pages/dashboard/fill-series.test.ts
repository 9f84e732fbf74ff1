import { describe, expect, it } from 'vitest';

import type { UsagePoint } from '../../api/api-types';
import { rangeWindow } from './dashboard-range';
import { fillSeries, seriesTotals } from './fill-series';

function point(bucketStart: number, requests: number): UsagePoint {
  return {
    bucketStart,
    group: null,
    requests,
    errors: 1,
    inputTokens: 100 * requests,
    outputTokens: 10 * requests,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    credits: 0,
    avgLatencyMs: 500,
    p95LatencyMs: 900,
    avgFirstByteMs: 200,
  };
}

describe('fillSeries', () => {
  it('has one point per bucket, zero where the server sent none', () => {
    const window = rangeWindow('24h', Date.UTC(2026, 0, 15, 12, 30));
    const filled = fillSeries([point(window.from + 3 * 3_600_000, 4)], window);
    expect(filled).toHaveLength(24);
    expect(filled[0]).toMatchObject({ requests: 0, avgLatencyMs: null });
    expect(filled[3]).toMatchObject({ requests: 4, inputTokens: 400, avgLatencyMs: 500 });
    expect(seriesTotals(filled)).toEqual({
      requests: 4,
      errors: 1,
      inputTokens: 400,
      outputTokens: 40,
    });
  });

  it('aligns day ranges to local midnights, so the query key is stable within a day', () => {
    const morning = rangeWindow('7d', Date.UTC(2026, 0, 15, 1));
    const evening = rangeWindow('7d', Date.UTC(2026, 0, 15, 2));
    expect(morning.from).toBe(evening.from);
    expect(morning.buckets).toBe(7);
  });
});
