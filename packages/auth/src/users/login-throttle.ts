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
  /** Bounds memory under a spray of usernames or addresses; least recently failed keys go first. */
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
  recordFailure(key: string): void;
  /** A correct password clears the key's failures. */
  recordSuccess(key: string): void;
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
    for (const [key, state] of states) {
      if (at - state.lastFailureAt > windowMs) states.delete(key);
    }
    // Still full: forget the least recently failed keys (the map keeps failure order).
    for (const key of states.keys()) {
      if (states.size < maxTrackedKeys) break;
      states.delete(key);
    }
  }

  return {
    retryAfterMs(key) {
      const at = now();
      const state = current(key, at);
      return state === undefined ? 0 : Math.max(0, state.lockedUntil - at);
    },

    recordFailure(key) {
      const at = now();
      const previous = current(key, at);
      states.delete(key);
      makeRoom(at);
      const failures = (previous?.failures ?? 0) + 1;
      const overBy = failures - freeAttempts;
      const lockoutMs =
        overBy < 0 ? 0 : Math.min(maxLockoutMs, baseLockoutMs * 2 ** Math.min(overBy, 40));
      states.set(key, { failures, lastFailureAt: at, lockedUntil: at + lockoutMs });
    },

    recordSuccess(key) {
      states.delete(key);
    },
  };
}
