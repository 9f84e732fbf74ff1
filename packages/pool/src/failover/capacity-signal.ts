import { sleep, type Clock } from '../ports/clock';

/**
 * Wakes requests waiting for a free slot when one is released (or an account changes), so a queued
 * request does not poll. Waiters are bounded by the caller.
 */
export class CapacitySignal {
  private waiters = new Set<() => void>();

  get waiting(): number {
    return this.waiters.size;
  }

  notify(): void {
    const woken = this.waiters;
    this.waiters = new Set();
    for (const wake of woken) wake();
  }

  /** Resolves on the next `notify()` or at `until` (epoch ms); rejects if `signal` aborts. */
  async wait(options: { clock: Clock; until: number; signal: AbortSignal }): Promise<void> {
    const { clock, until, signal } = options;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.waiters.add(wake);
    const timer = sleep(clock, {
      delayMs: Math.max(0, until - clock.now()),
      signal: controller.signal,
    });
    // When the wake-up wins, the timer is cancelled below and its rejection is expected.
    timer.catch(() => undefined);
    try {
      await Promise.race([woken, timer]);
    } finally {
      this.waiters.delete(wake);
      signal.removeEventListener('abort', onAbort);
      // Cancels the timer when the wake-up came first.
      controller.abort();
    }
  }
}
