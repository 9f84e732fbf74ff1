/**
 * Learns, per upstream model, the ratio between the prompt size the upstream reports and our raw
 * tokenizer count, and applies it to later estimates. The ratio is an exponential moving average,
 * bounded so one odd report cannot wreck the estimates.
 */
export class TokenCalibration {
  private readonly ratios = new Map<string, { ratio: number; samples: number }>();

  constructor(
    private readonly options: {
      /** Ratio used before any report for a model (cl100k under-counts Claude text). */
      initialRatio?: number;
      smoothing?: number;
    } = {},
  ) {}

  ratio(model: string): number {
    return this.ratios.get(model)?.ratio ?? this.options.initialRatio ?? 1.15;
  }

  samples(model: string): number {
    return this.ratios.get(model)?.samples ?? 0;
  }

  /** Records one observation: our raw count and the upstream's count for the same prompt. */
  observe(options: { model: string; rawTokens: number; upstreamTokens: number }): void {
    const { model, rawTokens, upstreamTokens } = options;
    if (rawTokens < 50 || upstreamTokens <= 0) return;
    const observed = Math.min(3, Math.max(0.5, upstreamTokens / rawTokens));
    const entry = this.ratios.get(model);
    if (entry === undefined) {
      this.ratios.set(model, { ratio: observed, samples: 1 });
      return;
    }
    const smoothing = this.options.smoothing ?? 0.2;
    entry.ratio = entry.ratio + smoothing * (observed - entry.ratio);
    entry.samples += 1;
  }

  apply(model: string, rawTokens: number): number {
    return Math.max(1, Math.ceil(rawTokens * this.ratio(model)));
  }

  snapshot(): Record<string, { ratio: number; samples: number }> {
    return Object.fromEntries([...this.ratios].map(([model, entry]) => [model, { ...entry }]));
  }
}
