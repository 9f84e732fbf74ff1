import { describe, expect, it } from 'vitest';

import { nestsDeeperThan } from './json-depth-limit';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings or escaped quotes', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":[2]}]}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[[[{{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: 'say \\"[[[[' }), 1)).toBe(false);
    expect(nestsDeeperThan(`[${'{"a":'.repeat(5)}1${'}'.repeat(5)}]`, 5)).toBe(true);
  });
});
