/** Scale from our cl100k count to Claude's tokenizer before any report (cl100k under-counts Claude text). */
export const baseTokenRatio = 1.15;
/** Traffic may move a request's count by at most this fraction either way. */
export const maxCalibrationDrift = 0.1;

interface Fit {
  /** Exponentially decayed sums for a least-squares line upstream = overhead + slope × raw. */
  weight: number;
  sumRaw: number;
  sumUpstream: number;
  sumRawSquared: number;
  sumRawUpstream: number;
  samples: number;
}

/**
 * Per-model correction of the token estimate from the prompt sizes the upstream reports.
 *
 * The upstream's report includes a fixed overhead of its own (a hidden system prompt and framing), so
 * a plain upstream/raw ratio learned from short prompts would inflate every long one. The rule instead
 * fits `upstream = overhead + slope × raw` by least squares over recent reports of one model and uses
 * only the slope: the per-token ratio, where the overhead cancels out. The slope is trusted only once
 * the reports span prompts of clearly different sizes (a spread of at least `minRawSpread` tokens);
 * otherwise it is left alone. Its effect is bounded to ±10 % of {@link baseTokenRatio}, so the same
 * request never counts more than 10 % apart on a fresh and on a long-running server, and with no
 * traffic the two count exactly alike.
 */
export class TokenCalibration {
  private readonly fits = new Map<string, Fit>();
  private readonly decay: number;
  private readonly minRawSpread: number;

  constructor(options: { decay?: number; minRawSpread?: number } = {}) {
    this.decay = options.decay ?? 0.98;
    this.minRawSpread = options.minRawSpread ?? 1000;
  }

  /** The correction factor in [1 − 10 %, 1 + 10 %]; 1 until the reports allow a fit. */
  correction(model: string): number {
    const fit = this.fits.get(model);
    if (fit === undefined || fit.weight <= 0) return 1;
    const meanRaw = fit.sumRaw / fit.weight;
    const varianceRaw = fit.sumRawSquared / fit.weight - meanRaw * meanRaw;
    if (varianceRaw < this.minRawSpread * this.minRawSpread) return 1;
    const covariance = fit.sumRawUpstream / fit.weight - meanRaw * (fit.sumUpstream / fit.weight);
    const slope = covariance / varianceRaw;
    const factor = slope / baseTokenRatio;
    return Math.min(1 + maxCalibrationDrift, Math.max(1 - maxCalibrationDrift, factor));
  }

  ratio(model: string): number {
    return baseTokenRatio * this.correction(model);
  }

  samples(model: string): number {
    return this.fits.get(model)?.samples ?? 0;
  }

  /** Records one observation: our raw count and the upstream's count for the same prompt. */
  observe(options: { model: string; rawTokens: number; upstreamTokens: number }): void {
    const { model, rawTokens, upstreamTokens } = options;
    if (!(rawTokens > 0) || !(upstreamTokens > 0)) return;
    const fit = this.fits.get(model) ?? {
      weight: 0,
      sumRaw: 0,
      sumUpstream: 0,
      sumRawSquared: 0,
      sumRawUpstream: 0,
      samples: 0,
    };
    // Decay keeps the sums bounded and lets the fit follow a changed upstream.
    fit.weight = fit.weight * this.decay + 1;
    fit.sumRaw = fit.sumRaw * this.decay + rawTokens;
    fit.sumUpstream = fit.sumUpstream * this.decay + upstreamTokens;
    fit.sumRawSquared = fit.sumRawSquared * this.decay + rawTokens * rawTokens;
    fit.sumRawUpstream = fit.sumRawUpstream * this.decay + rawTokens * upstreamTokens;
    fit.samples += 1;
    this.fits.set(model, fit);
  }

  apply(model: string, rawTokens: number): number {
    return Math.max(1, Math.ceil(rawTokens * this.ratio(model)));
  }

  snapshot(): Record<string, { ratio: number; samples: number }> {
    return Object.fromEntries(
      [...this.fits.keys()].map((model) => [
        model,
        { ratio: this.ratio(model), samples: this.samples(model) },
      ]),
    );
  }
}
