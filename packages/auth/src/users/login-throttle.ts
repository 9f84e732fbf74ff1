import { systemClock, type Clock } from '../clock';

export interface LoginThrottleOptions {
  now?: Clock;
  /** Failures allowed before the first lockout. */
  freeAttempts: number;
  /** The first lockout; each further failure doubles it. Default 1 s. */
  baseLockoutMs?: number;
  /** The longest lockout, so an attacker cannot lock a user out for days. Default 15 min. */
  maxLockoutMs?: number;
  /**
   * Failures are forgotten after this long without a new one. Longer than the longest lockout, so a
   * patient attacker stays at the cap instead of earning fresh free attempts. Default 1 h.
   */
  windowMs?: number;
  /**
   * Bounds memory under a spray of usernames or addresses. When full, keys that are not locked out
   * go first (least recently failed first); a locked key is dropped only when every tracked key is
   * locked, and then the one whose lockout ends soonest. Flooding made-up names therefore cannot
   * unlock a locked user.
   */
  maxTrackedKeys?: number;
}

interface FailureState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

/**
 * Counts login failures per key (a username, an IP address) and locks a key out with exponential
 * backoff once it has used its free attempts: the AWS Cognito scheme OWASP cites (after 5 failures
 * 1 s, doubling per failure, at most 15 min). In memory: it resets on restart, like the attempts it
 * counts.
 */
export interface LoginThrottle {
  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfterMs(key: string): number;
  /**
   * Checks the lockout and, when the key may try, counts the attempt as a failure in the same
   * synchronous step, so parallel attempts cannot all pass the check before any is recorded.
   * Returns 0 when the attempt is reserved, otherwise the milliseconds to wait (nothing recorded).
   * Clear it with {@link recordSuccess} or {@link refund} once the attempt turns out well.
   */
  reserve(key: string): number;
  recordFailure(key: string): void;
  /** A correct password clears the key's failures. */
  recordSuccess(key: string): void;
  /** Takes back one reserved attempt that succeeded, without clearing earlier failures. */
  refund(key: string): void;
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
  const now = options.now ?? systemClock;
  const { freeAttempts } = options;
  const baseLockoutMs = options.baseLockoutMs ?? 1_000;
  const maxLockoutMs = options.maxLockoutMs ?? 15 * 60_000;
  const windowMs = Math.max(options.windowMs ?? 60 * 60_000, maxLockoutMs);
  const maxTrackedKeys = options.maxTrackedKeys ?? 10_000;
  const states = new Map<string, FailureState>();

  function current(key: string, at: number): FailureState | undefined {
    const state = states.get(key);
    if (state !== undefined && at - state.lastFailureAt > windowMs) {
      states.delete(key);
      return undefined;
    }
    return state;
  }

  function makeRoom(at: number): void {
    if (states.size < maxTrackedKeys) return;
    // The map keeps failure order, so this walks from the least recently failed key.
    for (const [key, state] of states) {
      if (states.size < maxTrackedKeys) return;
      if (at - state.lastFailureAt > windowMs || state.lockedUntil <= at) states.delete(key);
    }
    // Every key is locked: drop the lockout that ends soonest, one key at a time.
    while (states.size >= maxTrackedKeys) {
      let soonest: [string, number] | undefined;
      for (const [key, state] of states) {
        if (soonest === undefined || state.lockedUntil < soonest[1]) {
          soonest = [key, state.lockedUntil];
        }
      }
      if (soonest === undefined) return;
      states.delete(soonest[0]);
    }
  }

  function lockoutFor(failures: number): number {
    const overBy = failures - freeAttempts;
    return overBy < 0 ? 0 : Math.min(maxLockoutMs, baseLockoutMs * 2 ** Math.min(overBy, 40));
  }

  function retryAfterMs(key: string): number {
    const at = now();
    const state = current(key, at);
    return state === undefined ? 0 : Math.max(0, state.lockedUntil - at);
  }

  function recordFailure(key: string): void {
    const at = now();
    const previous = current(key, at);
    states.delete(key);
    makeRoom(at);
    const failures = (previous?.failures ?? 0) + 1;
    states.set(key, { failures, lastFailureAt: at, lockedUntil: at + lockoutFor(failures) });
  }

  return {
    retryAfterMs,
    recordFailure,

    reserve(key) {
      const waitMs = retryAfterMs(key);
      if (waitMs === 0) recordFailure(key);
      return waitMs;
    },

    recordSuccess(key) {
      states.delete(key);
    },

    refund(key) {
      const state = current(key, now());
      if (state === undefined) return;
      state.failures -= 1;
      if (state.failures <= 0) {
        states.delete(key);
        return;
      }
      state.lockedUntil = state.lastFailureAt + lockoutFor(state.failures);
    },
  };
}
