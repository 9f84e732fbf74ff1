/** Quantile of a list by linear interpolation between closest ranks (the list is not modified). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const lowValue = sorted[low]!;
  return lowValue + (sorted[high]! - lowValue) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * The c = 1 method of interleaved rounds: each round yields one median per target, and the
 * reported figure is the median of those round medians with their interquartile range, so one
 * noisy round (another process woke up) moves the result little.
 */
export interface RoundSummary {
  rounds: number;
  medianOfMedians: number;
  iqrLow: number;
  iqrHigh: number;
}

export function summariseRounds(roundMedians: readonly number[]): RoundSummary {
  return {
    rounds: roundMedians.length,
    medianOfMedians: median(roundMedians),
    iqrLow: quantile(roundMedians, 0.25),
    iqrHigh: quantile(roundMedians, 0.75),
  };
}
