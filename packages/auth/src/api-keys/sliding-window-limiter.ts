import { systemClock, type Clock } from '../clock';

export interface SlidingWindowLimiterOptions {
  now?: Clock;
  /** Default 60 s: limits are per minute. */
  windowMs?: number;
}

export type AcquireResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * An exact sliding-window rate limiter: at most `limit` admissions in any window of `windowMs`.
 * Each key keeps the timestamps of its recent admissions in a ring buffer, so a check is O(1): the
 * request is admitted iff the limit-th most recent admission is outside the window, and the wait is
 * exactly until it leaves. A changed limit applies at once, against the same history. Unlike a
 * token bucket it never lets 2×limit through across a window edge. In memory, per process.
 * A limit below 1 admits nothing.
 */
export interface SlidingWindowLimiter {
  tryAcquire(request: { key: string; limit: number }): AcquireResult;
}

/** Limits above this are clamped: 100k per minute is beyond what one gateway process serves. */
export const maxSlidingWindowLimit = 100_000;

interface KeyWindow {
  /** Admission times in a ring, oldest at `next`; sized for the largest limit seen. Empty: -Infinity. */
  stamps: Float64Array;
  next: number;
  lastAdmittedAt: number;
}

function emptyWindow(capacity: number, at: number): KeyWindow {
  return {
    stamps: new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY),
    next: 0,
    lastAdmittedAt: at,
  };
}

/** A larger ring with the same admissions, oldest first, so a raised limit still sees them all. */
function grown(window: KeyWindow, capacity: number): KeyWindow {
  const old = window.stamps;
  const larger = emptyWindow(capacity, window.lastAdmittedAt);
  for (let index = 0; index < old.length; index += 1) {
    larger.stamps[capacity - old.length + index] =
      old[(window.next + index) % old.length] ?? Number.NEGATIVE_INFINITY;
  }
  return larger;
}

export function createSlidingWindowLimiter(
  options: SlidingWindowLimiterOptions = {},
): SlidingWindowLimiter {
  const now = options.now ?? systemClock;
  const windowMs = options.windowMs ?? 60_000;
  const windows = new Map<string, KeyWindow>();
  let lastSweepAt = Number.NEGATIVE_INFINITY;

  /** Drops keys idle for a whole window: their state can no longer refuse anything. */
  function sweep(at: number): void {
    if (at - lastSweepAt < windowMs) return;
    lastSweepAt = at;
    for (const [key, window] of windows) {
      if (at - window.lastAdmittedAt >= windowMs) windows.delete(key);
    }
  }

  return {
    tryAcquire({ key, limit: requested }) {
      const limit = Math.min(Math.floor(requested), maxSlidingWindowLimit);
      const at = now();
      if (!(limit >= 1)) return { allowed: false, retryAfterMs: windowMs };
      sweep(at);
      let window = windows.get(key);
      if (window === undefined || window.stamps.length < limit) {
        window = window === undefined ? emptyWindow(limit, at) : grown(window, limit);
        windows.set(key, window);
      }
      const capacity = window.stamps.length;
      // The limit-th most recent admission: while it is inside the window, the window is full.
      const limitthLatest =
        window.stamps[(window.next - limit + capacity) % capacity] ?? Number.NEGATIVE_INFINITY;
      if (at - limitthLatest < windowMs) {
        return { allowed: false, retryAfterMs: limitthLatest + windowMs - at };
      }
      window.stamps[window.next] = at;
      window.next = (window.next + 1) % capacity;
      window.lastAdmittedAt = at;
      return { allowed: true };
    },
  };
}
