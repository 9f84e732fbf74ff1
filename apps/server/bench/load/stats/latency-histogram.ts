import { build, type Histogram } from 'hdr-histogram-js';

/** Percentiles of one metric, in microseconds (what every latency in the report is measured in). */
export interface LatencySummary {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/**
 * An HDR histogram of microsecond values (3 significant digits, up to one hour): constant memory
 * however many values go in, so every inter-frame gap of a 512-stream run can be recorded.
 */
export class LatencyHistogram {
  readonly #histogram: Histogram = build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
  });

  /** Records a duration given in milliseconds (performance.now() differences). */
  recordMs(milliseconds: number): void {
    this.recordUs(milliseconds * 1000);
  }

  /** Ignores a non-finite value (a request that failed before that point has no such time). */
  recordUs(microseconds: number): void {
    // A NaN would corrupt the histogram's counts (its percentile iterator then throws).
    if (!Number.isFinite(microseconds)) return;
    this.#histogram.recordValue(Math.max(1, Math.round(microseconds)));
  }

  /** Adds every value recorded in `other` (merging per-batch histograms into a run's). */
  add(other: LatencyHistogram): void {
    this.#histogram.add(other.#histogram);
  }

  get count(): number {
    return this.#histogram.totalCount;
  }

  percentile(percent: number): number {
    return this.#histogram.getValueAtPercentile(percent);
  }

  summary(): LatencySummary {
    const h = this.#histogram;
    const empty = h.totalCount === 0;
    return {
      count: h.totalCount,
      min: empty ? 0 : h.minNonZeroValue,
      p50: h.getValueAtPercentile(50),
      p90: h.getValueAtPercentile(90),
      p99: h.getValueAtPercentile(99),
      p999: h.getValueAtPercentile(99.9),
      max: h.maxValue,
      mean: empty ? 0 : Math.round(h.mean),
    };
  }
}
