import type { Clock, TimerHandle } from '../ports/clock';

interface ScheduledTimer {
  id: number;
  at: number;
  callback: () => void;
}

/** Lets queued promise callbacks run (a macrotask turn drains every pending microtask). */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A fake clock for tests: time moves only when told to, and timers fire in order as it passes them,
 * with pending promise callbacks drained after each one.
 */
export class ManualClock implements Clock {
  private current: number;
  private nextId = 0;
  private timers: ScheduledTimer[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return {
      cancel: () => {
        this.timers = this.timers.filter((candidate) => candidate !== timer);
      },
    };
  }

  /** Timers still scheduled. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await flushMicrotasks();
    for (;;) {
      const next = this.earliest();
      if (next === undefined || next.at > target) break;
      this.timers = this.timers.filter((candidate) => candidate !== next);
      this.current = Math.max(this.current, next.at);
      next.callback();
      await flushMicrotasks();
    }
    this.current = target;
    await flushMicrotasks();
  }

  /** Sets the time without firing timers (for state that reads `now()` only). */
  set(epochMs: number): void {
    this.current = epochMs;
  }

  /**
   * Advances to each next timer until `promise` settles (or `limitMs` of fake time passes), then returns
   * its outcome. For code that sleeps on the clock, such as backoff.
   */
  async settle<T>(promise: Promise<T>, limitMs = 24 * 3_600_000): Promise<T> {
    let done = false;
    const tracked = promise.finally(() => {
      done = true;
    });
    tracked.catch(() => undefined);
    const stopAt = this.current + limitMs;
    await flushMicrotasks();
    while (!done && this.current < stopAt) {
      const next = this.earliest();
      if (next === undefined) break;
      await this.advance(Math.max(0, Math.min(next.at, stopAt) - this.current));
    }
    return tracked;
  }

  private earliest(): ScheduledTimer | undefined {
    let earliest: ScheduledTimer | undefined;
    for (const timer of this.timers) {
      if (
        earliest === undefined ||
        timer.at < earliest.at ||
        (timer.at === earliest.at && timer.id < earliest.id)
      ) {
        earliest = timer;
      }
    }
    return earliest;
  }
}
