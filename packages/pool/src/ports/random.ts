/** A source of uniform numbers in [0, 1), injected so jitter is reproducible in tests. */
export interface Random {
  next(): number;
}

export const mathRandom: Random = { next: () => Math.random() };

/**
 * A seeded generator (mulberry32: 32-bit state, full period, good enough for jitter and tests;
 * not for anything secret).
 */
export function createSeededRandom(seed: number): Random {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = state;
      mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    },
  };
}
