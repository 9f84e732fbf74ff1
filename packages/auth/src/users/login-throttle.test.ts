import { describe, expect, it } from 'vitest';

import { fakeClock } from '../../test/in-memory-stores';
import { createLoginThrottle } from './login-throttle';

const second = 1000;
const minute = 60 * second;

describe('createLoginThrottle', () => {
  it('allows the free attempts, then locks out for 1 s doubling per failure up to 15 min', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle({ now: clock.now, freeAttempts: 5 });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      throttle.recordFailure('user:alice');
      expect(throttle.retryAfterMs('user:alice')).toBe(0);
    }
    const lockouts: number[] = [];
    for (let attempt = 5; attempt <= 16; attempt += 1) {
      throttle.recordFailure('user:alice');
      lockouts.push(throttle.retryAfterMs('user:alice'));
      clock.advance(throttle.retryAfterMs('user:alice'));
    }
    expect(lockouts).toEqual(
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900].map((seconds) => seconds * second),
    );
  });

  it('counts the lockout down with the clock', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle({
      now: clock.now,
      freeAttempts: 1,
      baseLockoutMs: 10 * second,
    });
    throttle.recordFailure('ip:10.0.0.1');
    clock.advance(4 * second);
    expect(throttle.retryAfterMs('ip:10.0.0.1')).toBe(6 * second);
    clock.advance(6 * second);
    expect(throttle.retryAfterMs('ip:10.0.0.1')).toBe(0);
  });

  it('keys are independent', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle({ now: clock.now, freeAttempts: 1 });
    throttle.recordFailure('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBeGreaterThan(0);
    expect(throttle.retryAfterMs('user:bob')).toBe(0);
  });

  it('clears a key on success', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle({ now: clock.now, freeAttempts: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1) throttle.recordFailure('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBeGreaterThan(0);
    throttle.recordSuccess('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBe(0);
    throttle.recordFailure('user:alice');
    throttle.recordFailure('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBe(0);
  });

  it('forgets failures after a quiet window, but not while the attacker keeps trying', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle({
      now: clock.now,
      freeAttempts: 2,
      windowMs: 60 * minute,
    });
    throttle.recordFailure('user:alice');
    clock.advance(59 * minute);
    throttle.recordFailure('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBe(second);
    clock.advance(60 * minute + 1);
    expect(throttle.retryAfterMs('user:alice')).toBe(0);
    throttle.recordFailure('user:alice');
    expect(throttle.retryAfterMs('user:alice')).toBe(0);
  });

  it('stays bounded in memory, forgetting the least recently failed keys first', () => {
    const clock = fakeClock();
    const throttle = createLoginThrottle({ now: clock.now, freeAttempts: 1, maxTrackedKeys: 3 });
    for (const key of ['a', 'b', 'c']) throttle.recordFailure(key);
    throttle.recordFailure('a');
    throttle.recordFailure('d');
    expect(throttle.retryAfterMs('b')).toBe(0);
    for (const key of ['a', 'c', 'd']) expect(throttle.retryAfterMs(key)).toBeGreaterThan(0);
  });
});
