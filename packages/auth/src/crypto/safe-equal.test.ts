import { describe, expect, it } from 'vitest';

import { safeEqual } from './safe-equal';

describe('safeEqual', () => {
  const secret = 'sk-octo-0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

  it('accepts the same value', () => {
    expect(safeEqual(secret, `${secret}`)).toBe(true);
    expect(safeEqual('', '')).toBe(true);
  });

  it('rejects a different value of the same length', () => {
    const lastCharChanged = `${secret.slice(0, -1)}H`;
    expect(lastCharChanged).toHaveLength(secret.length);
    expect(safeEqual(lastCharChanged, secret)).toBe(false);
  });

  it('rejects values of different lengths without throwing', () => {
    expect(safeEqual(secret.slice(0, -1), secret)).toBe(false);
    expect(safeEqual(`${secret}x`, secret)).toBe(false);
    expect(safeEqual('', secret)).toBe(false);
  });

  it('compares whole strings, not prefixes or case-folded forms', () => {
    expect(safeEqual(secret.toUpperCase(), secret)).toBe(false);
    expect(safeEqual(secret.slice(0, 20), secret)).toBe(false);
  });
});
