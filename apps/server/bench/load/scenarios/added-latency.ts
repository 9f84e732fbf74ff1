import type { RoundsResult } from './interleaved-rounds';

/** What one path adds over a baseline, in µs (negative values are noise, kept as measured). */
export interface AddedLatency {
  label: string;
  versus: string;
  /** Median of round medians of the complete answer, minus the baseline's. */
  medianOfMedians: number;
  p50: number;
  p99: number;
  /** Time to first content event p50 / p99, minus the baseline's. */
  ttftP50: number;
  ttftP99: number;
}

export function addedLatency(row: RoundsResult, baseline: RoundsResult): AddedLatency {
  return {
    label: row.label,
    versus: baseline.label,
    medianOfMedians: row.totalRounds.medianOfMedians - baseline.totalRounds.medianOfMedians,
    p50: row.summary.total.p50 - baseline.summary.total.p50,
    p99: row.summary.total.p99 - baseline.summary.total.p99,
    ttftP50: row.summary.ttft.p50 - baseline.summary.ttft.p50,
    ttftP99: row.summary.ttft.p99 - baseline.summary.ttft.p99,
  };
}

/** Every row against `direct` (B2 − B0) and against `null` (B2 − B1). */
export function addedOverBaselines(rows: readonly RoundsResult[]): AddedLatency[] {
  const direct = rows.find((row) => row.label === 'direct');
  const floor = rows.find((row) => row.label === 'null');
  if (direct === undefined || floor === undefined) throw new Error('baselines missing');
  return rows
    .filter((row) => row !== direct)
    .flatMap((row) => [
      addedLatency(row, direct),
      ...(row === floor ? [] : [addedLatency(row, floor)]),
    ]);
}
