import { systemClock, type Clock } from '../clock';

export interface SlidingWindowLimiterOptions {
  now?: Clock;
  /** Default 60 s: limits are per minute. */
  windowMs?: number;
}

export type AcquireResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * An exact sliding-window rate limiter: at most `limit` admissions in any window of `windowMs`.
 * Each key keeps the timestamps of its last `limit` admissions in a ring buffer, so a check is O(1):
 * the request is admitted iff the oldest of those is outside the window, and the wait is exactly
 * until it leaves. Unlike a token bucket it never lets 2×limit through across a window edge.
 * In memory, per process.
 */
export interface SlidingWindowLimiter {
  tryAcquire(request: { key: string; limit: number }): AcquireResult;
}

/** Limits above this are clamped: 100k per minute is beyond what one gateway process serves. */
export const maxSlidingWindowLimit = 100_000;

interface KeyWindow {
  /** Admission times, oldest at `next`. Empty slots hold -Infinity. */
  stamps: Float64Array;
  next: number;
  lastAdmittedAt: number;
}

function resized(window: KeyWindow, limit: number): KeyWindow {
  const recent = Array.from(window.stamps)
    .filter((stamp) => stamp !== Number.NEGATIVE_INFINITY)
    .sort((a, b) => a - b)
    .slice(-limit);
  const stamps = new Float64Array(limit).fill(Number.NEGATIVE_INFINITY);
  // Oldest first, ending just before slot 0 wraps around: slot `next` (0) holds the oldest kept.
  recent.forEach((stamp, index) => {
    stamps[(limit - recent.length + index) % limit] = stamp;
  });
  return { stamps, next: 0, lastAdmittedAt: window.lastAdmittedAt };
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
      const limit = Math.min(Math.max(1, Math.floor(requested)), maxSlidingWindowLimit);
      const at = now();
      sweep(at);
      let window = windows.get(key);
      if (window === undefined) {
        window = {
          stamps: new Float64Array(limit).fill(Number.NEGATIVE_INFINITY),
          next: 0,
          lastAdmittedAt: at,
        };
        windows.set(key, window);
      } else if (window.stamps.length !== limit) {
        window = resized(window, limit);
        windows.set(key, window);
      }
      const oldest = window.stamps[window.next] ?? Number.NEGATIVE_INFINITY;
      if (at - oldest < windowMs) {
        return { allowed: false, retryAfterMs: oldest + windowMs - at };
      }
      window.stamps[window.next] = at;
      window.next = (window.next + 1) % limit;
      window.lastAdmittedAt = at;
      return { allowed: true };
    },
  };
}
