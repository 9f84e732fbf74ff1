import type { UsagePoint } from '../../api/api-types';
import type { RangeWindow } from './dashboard-range';

export interface ChartPoint {
  bucketStart: number;
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  avgLatencyMs: number | null;
  p95LatencyMs: number | null;
  avgFirstByteMs: number | null;
}

/** One point per bucket of the window; the server omits empty buckets, the chart needs zeros. */
export function fillSeries(points: readonly UsagePoint[], window: RangeWindow): ChartPoint[] {
  const byStart = new Map<number, UsagePoint>();
  for (const point of points) {
    const existing = byStart.get(point.bucketStart);
    // Grouped series would have several rows per bucket; the dashboard asks for none, but sum anyway.
    byStart.set(point.bucketStart, existing === undefined ? point : mergePoints(existing, point));
  }
  return Array.from({ length: window.buckets }, (_, index) => {
    const bucketStart = window.from + index * window.bucketMs;
    const point = byStart.get(bucketStart);
    return {
      bucketStart,
      requests: point?.requests ?? 0,
      errors: point?.errors ?? 0,
      inputTokens: point?.inputTokens ?? 0,
      outputTokens: point?.outputTokens ?? 0,
      avgLatencyMs: point?.avgLatencyMs ?? null,
      p95LatencyMs: point?.p95LatencyMs ?? null,
      avgFirstByteMs: point?.avgFirstByteMs ?? null,
    };
  });
}

function mergePoints(left: UsagePoint, right: UsagePoint): UsagePoint {
  const requests = left.requests + right.requests;
  const weighted = (a: number | null, b: number | null) =>
    a === null
      ? b
      : b === null
        ? a
        : (a * left.requests + b * right.requests) / Math.max(1, requests);
  return {
    ...left,
    requests,
    errors: left.errors + right.errors,
    inputTokens: left.inputTokens + right.inputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    avgLatencyMs: weighted(left.avgLatencyMs, right.avgLatencyMs),
    p95LatencyMs: Math.max(left.p95LatencyMs ?? 0, right.p95LatencyMs ?? 0) || null,
    avgFirstByteMs: weighted(left.avgFirstByteMs, right.avgFirstByteMs),
  };
}

export interface SeriesTotals {
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
}

export function seriesTotals(points: readonly ChartPoint[]): SeriesTotals {
  return points.reduce(
    (sum, point) => ({
      requests: sum.requests + point.requests,
      errors: sum.errors + point.errors,
      inputTokens: sum.inputTokens + point.inputTokens,
      outputTokens: sum.outputTokens + point.outputTokens,
    }),
    { requests: 0, errors: 0, inputTokens: 0, outputTokens: 0 },
  );
}
