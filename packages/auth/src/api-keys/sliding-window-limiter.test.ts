import { describe, expect, it } from 'vitest';

import { fakeClock } from '../../test/in-memory-stores';
import { createSlidingWindowLimiter } from './sliding-window-limiter';

describe('createSlidingWindowLimiter', () => {
  it('admits the limit, refuses the next and says exactly when to retry', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now });
    for (let request = 0; request < 3; request += 1) {
      expect(limiter.tryAcquire({ key: 'k1', limit: 3 })).toEqual({ allowed: true });
      clock.advance(10_000);
    }
    // Admissions at 0 s, 10 s, 20 s; now 30 s: the first leaves the window at 60 s.
    expect(limiter.tryAcquire({ key: 'k1', limit: 3 })).toEqual({
      allowed: false,
      retryAfterMs: 30_000,
    });
    clock.advance(29_999);
    expect(limiter.tryAcquire({ key: 'k1', limit: 3 })).toEqual({
      allowed: false,
      retryAfterMs: 1,
    });
    clock.advance(1);
    expect(limiter.tryAcquire({ key: 'k1', limit: 3 })).toEqual({ allowed: true });
    expect(limiter.tryAcquire({ key: 'k1', limit: 3 })).toEqual({
      allowed: false,
      retryAfterMs: 10_000,
    });
  });

  it('never lets more than the limit through in any window, even across window edges', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now });
    const admitted: number[] = [];
    for (let step = 0; step < 600; step += 1) {
      if (limiter.tryAcquire({ key: 'k', limit: 10 }).allowed) admitted.push(clock.now());
      clock.advance(1_000 + (step % 7) * 137);
    }
    for (const start of admitted) {
      expect(
        admitted.filter((at) => at >= start && at < start + 60_000).length,
      ).toBeLessThanOrEqual(10);
    }
    expect(admitted.length).toBeGreaterThan(90);
  });

  it('holds the invariant while the limit keeps changing', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now });
    const admitted: number[] = [];
    for (let step = 0; step < 2_000; step += 1) {
      const limit = [3, 8, 5, 12, 1][Math.floor(step / 150) % 5]!;
      const at = clock.now();
      if (limiter.tryAcquire({ key: 'k', limit }).allowed) {
        admitted.push(at);
        expect(admitted.filter((stamp) => stamp > at - 60_000).length).toBeLessThanOrEqual(limit);
      }
      clock.advance(250 + (step % 11) * 90);
    }
    expect(admitted.length).toBeGreaterThan(100);
  });

  it('refused requests do not count', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now });
    limiter.tryAcquire({ key: 'k', limit: 1 });
    for (let attempt = 0; attempt < 50; attempt += 1) limiter.tryAcquire({ key: 'k', limit: 1 });
    clock.advance(60_000);
    expect(limiter.tryAcquire({ key: 'k', limit: 1 }).allowed).toBe(true);
  });

  it('keeps keys apart', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now });
    expect(limiter.tryAcquire({ key: 'a', limit: 1 }).allowed).toBe(true);
    expect(limiter.tryAcquire({ key: 'a', limit: 1 }).allowed).toBe(false);
    expect(limiter.tryAcquire({ key: 'b', limit: 1 }).allowed).toBe(true);
  });

  it('follows a changed limit without forgetting recent requests', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now });
    for (let request = 0; request < 4; request += 1) {
      limiter.tryAcquire({ key: 'k', limit: 5 });
      clock.advance(1_000);
    }
    // Four in the window: a lowered limit of 2 refuses until the third-oldest leaves.
    expect(limiter.tryAcquire({ key: 'k', limit: 2 })).toEqual({
      allowed: false,
      retryAfterMs: 58_000,
    });
    // Raised to 6: two more fit.
    expect(limiter.tryAcquire({ key: 'k', limit: 6 }).allowed).toBe(true);
    expect(limiter.tryAcquire({ key: 'k', limit: 6 }).allowed).toBe(true);
    expect(limiter.tryAcquire({ key: 'k', limit: 6 }).allowed).toBe(false);
  });

  it('admits nothing under a limit of 0', () => {
    const limiter = createSlidingWindowLimiter({ now: fakeClock().now });
    expect(limiter.tryAcquire({ key: 'k', limit: 0 })).toEqual({
      allowed: false,
      retryAfterMs: 60_000,
    });
    expect(limiter.tryAcquire({ key: 'k', limit: Number.NaN }).allowed).toBe(false);
  });

  it('works on a custom window', () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter({ now: clock.now, windowMs: 1_000 });
    expect(limiter.tryAcquire({ key: 'k', limit: 1 }).allowed).toBe(true);
    clock.advance(1_000);
    expect(limiter.tryAcquire({ key: 'k', limit: 1 }).allowed).toBe(true);
  });
});
