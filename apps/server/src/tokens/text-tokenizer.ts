import { createHash } from 'node:crypto';

import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';

/** Counts the tokens of one text. */
export type Tokenize = (text: string) => number;

/**
 * A BPE tokenizer (cl100k_base through js-tiktoken: pure JavaScript, no native or WASM code, works on
 * Node 20). Claude's own tokenizer is not published for current models; the per-model calibration in
 * {@link TokenCalibration} scales these counts to what the upstream reports. Long texts repeat on every
 * turn of a conversation (system prompt, history), so their counts are cached by content hash.
 */
export function createTokenizer(options: { cacheEntries?: number } = {}): Tokenize {
  const encoder = new Tiktoken(cl100kBase);
  const cache = new Map<string, number>();
  const capacity = options.cacheEntries ?? 10_000;
  return (text) => {
    if (text.length === 0) return 0;
    if (text.length < 512) return encoder.encode(text, [], []).length;
    const key = createHash('sha1').update(text).digest('base64');
    const cached = cache.get(key);
    if (cached !== undefined) {
      cache.delete(key);
      cache.set(key, cached);
      return cached;
    }
    const count = encoder.encode(text, [], []).length;
    cache.set(key, count);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return count;
  };
}
