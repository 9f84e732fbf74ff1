import { describe, expect, it } from 'vitest';

import { splitText, splitToolInput } from './text-chunks';

describe('splitText', () => {
  it('never splits a code point and loses nothing', () => {
    const text = 'a🚀b日本語c👍🏽d'.repeat(20);
    const chunks = splitText(text);
    expect(chunks.join('')).toBe(text);
    const codePoints = (chunk: string) => Array.from(chunk, (c) => c.codePointAt(0) ?? 0);
    const loneSurrogate = (point: number) => point >= 0xd800 && point <= 0xdfff;
    for (const chunk of chunks) expect(codePoints(chunk).some(loneSurrogate)).toBe(false);
    const isolated = chunks.filter((chunk) => codePoints(chunk).length === 1);
    expect(isolated.some((chunk) => (chunk.codePointAt(0) ?? 0) > 0x7f)).toBe(true);
  });

  it('returns nothing for empty text', () => {
    expect(splitText('')).toEqual([]);
  });
});

describe('splitToolInput', () => {
  it('splits JSON into several fragments, keeping tiny inputs whole', () => {
    const json = JSON.stringify({ command: 'ls -la', path: '/tmp/ünï' });
    const fragments = splitToolInput(json);
    expect(fragments.length).toBeGreaterThan(2);
    expect(fragments.join('')).toBe(json);
    expect(splitToolInput('{}')).toEqual(['{}']);
  });
});
