import type { Random } from '../ports/random';

export interface PacingBudget {
  /** 0 or less: unpaced. */
  requestsPerMinute: number;
  /** Requests that may start back to back before spacing applies. */
  burst: number;
}

/**
 * Per-account request pacing as a generic cell rate algorithm: at most `burst` requests back to back,
 * then one every 60 000 / rpm ms on average. Each spacing is randomised by ±jitter so an account's
 * traffic never looks machine-regular (ban-risk control). O(1) state: one timestamp.
 */
export class Pacer {
  /** Theoretical arrival time of the next request at the steady rate. */
  private theoreticalArrival = Number.NEGATIVE_INFINITY;

  /** The earliest time (epoch ms) a new request may start; at or before `now` means now. */
  availableAt(budget: PacingBudget): number {
    if (budget.requestsPerMinute <= 0) return Number.NEGATIVE_INFINITY;
    const intervalMs = 60_000 / budget.requestsPerMinute;
    return this.theoreticalArrival - (Math.max(1, budget.burst) - 1) * intervalMs;
  }

  /** Records a request start. */
  consume(budget: PacingBudget, options: { now: number; jitter: number; random: Random }): void {
    if (budget.requestsPerMinute <= 0) return;
    const intervalMs = 60_000 / budget.requestsPerMinute;
    const spacing = intervalMs * (1 + (options.random.next() * 2 - 1) * options.jitter);
    this.theoreticalArrival = Math.max(this.theoreticalArrival, options.now) + spacing;
  }
}
