import type { Random } from '../ports/random';

/** `baseMs × 2^(step − 1)`, capped; step 1 is the first occurrence. */
export function exponentialDelay(options: { baseMs: number; step: number; capMs: number }): number {
  const exponent = Math.min(Math.max(options.step, 1) - 1, 30);
  return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}

/** Spreads `delayMs` uniformly over ±`jitter` (a fraction), so accounts do not come back in lockstep. */
export function withJitter(delayMs: number, options: { jitter: number; random: Random }): number {
  const factor = 1 + (options.random.next() * 2 - 1) * options.jitter;
  return Math.max(0, Math.round(delayMs * factor));
}

/** AWS "full jitter": uniform in [0, exponential delay). */
export function fullJitterDelay(options: {
  baseMs: number;
  step: number;
  capMs: number;
  random: Random;
}): number {
  return Math.floor(options.random.next() * exponentialDelay(options));
}
