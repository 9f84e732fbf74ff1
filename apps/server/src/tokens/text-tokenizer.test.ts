import { describe, expect, it } from 'vitest';

import { createTokenizer } from './text-tokenizer';

describe('createTokenizer', () => {
  const tokenize = createTokenizer();

  it('counts cl100k tokens', () => {
    expect(tokenize('')).toBe(0);
    expect(tokenize('hello world')).toBe(2);
  });

  it('counts special-token markers in a prompt as plain text instead of refusing them', () => {
    expect(tokenize('a <|endoftext|> b')).toBe(8);
    expect(tokenize('<|endoftext|>'.repeat(100))).toBeGreaterThan(100);
  });

  it('gives a long text the same count from the cache as when first counted', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(200);
    const uncached = createTokenizer({ cacheEntries: 0 })(text);
    expect(uncached).toBe(2001); // tiktoken cl100k_base agrees
    expect(tokenize(text)).toBe(uncached);
    expect(tokenize(text)).toBe(uncached);
  });
});
