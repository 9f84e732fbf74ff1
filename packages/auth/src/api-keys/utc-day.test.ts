import { describe, expect, it } from 'vitest';

import { secondsUntilNextUtcDay, utcDay } from './utc-day';

describe('UTC days', () => {
  it('names the UTC day of an instant', () => {
    expect(utcDay(Date.UTC(2025, 0, 31, 23, 59, 59, 999))).toBe('2025-01-31');
    expect(utcDay(Date.UTC(2025, 1, 1))).toBe('2025-02-01');
  });

  it('counts the seconds to the next UTC midnight', () => {
    expect(secondsUntilNextUtcDay(Date.UTC(2025, 0, 31, 23, 59, 30))).toBe(30);
    expect(secondsUntilNextUtcDay(Date.UTC(2025, 0, 31, 23, 59, 59, 500))).toBe(1);
    expect(secondsUntilNextUtcDay(Date.UTC(2025, 1, 1))).toBe(86_400);
  });
});
