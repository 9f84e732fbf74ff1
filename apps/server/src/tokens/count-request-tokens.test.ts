import { describe, expect, it } from 'vitest';

import { countRequestTokens } from './count-request-tokens';
import { estimateImageTokens, maxImageTokens } from './image-token-estimate';
import { createTokenizer } from './text-tokenizer';
import { baseTokenRatio, TokenCalibration } from './token-calibration';

const tokenize = createTokenizer();

function pngOf(width: number, height: number): string {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header.toString('base64');
}

describe('tokenizer', () => {
  it('counts with a real BPE vocabulary and caches long texts', () => {
    expect(tokenize('hello world')).toBe(2);
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(100);
    expect(tokenize(long)).toBe(tokenize(long));
    expect(tokenize(long)).toBeGreaterThan(900);
  });
});

describe('countRequestTokens', () => {
  it('counts system, tools, tool calls, tool results and thinking, not only text', () => {
    const base = { messages: [{ role: 'user' as const, content: 'What is the weather?' }] };
    const textOnly = countRequestTokens(base, tokenize);
    const full = countRequestTokens(
      {
        system: [
          { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1; cch=abcde;' },
          { type: 'text', text: 'You are a weather bot.' },
        ],
        tools: [
          {
            name: 'get_weather',
            description: 'Look up the weather for a city',
            input_schema: { type: 'object', properties: { city: { type: 'string' } } },
          },
        ],
        messages: [
          ...base.messages,
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'The user wants weather data.', signature: 's' },
              { type: 'tool_use', id: 't1', name: 'get_weather', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 't1', content: 'Sunny, 24 degrees' }],
          },
        ],
      },
      tokenize,
    );
    expect(full).toBeGreaterThan(textOnly + 40);
    const withHeaderOnly = countRequestTokens(
      { ...base, system: [{ type: 'text', text: 'x-anthropic-billing-header: cch=1;' }] },
      tokenize,
    );
    expect(withHeaderOnly).toBe(textOnly);
  });

  it('estimates images from their size, capped', () => {
    expect(estimateImageTokens(pngOf(200, 200))).toBe(Math.ceil((200 * 200) / 750));
    expect(estimateImageTokens(pngOf(4000, 3000))).toBe(maxImageTokens);
    expect(estimateImageTokens('bm90IGFuIGltYWdl')).toBe(maxImageTokens);
  });
});

describe('TokenCalibration', () => {
  const model = 'claude-sonnet-4.5';
  const paragraph = 'The quick brown fox jumps over the lazy dog while the band plays on. ';
  const longRequest = {
    system: 'You are a careful reviewer.',
    messages: [{ role: 'user' as const, content: paragraph.repeat(850) }],
  };

  it('keeps a 13 000-token request within 10 % after a long stream of short-prompt reports', () => {
    const raw = countRequestTokens(longRequest, tokenize);
    expect(raw).toBeGreaterThan(12_500);
    expect(raw).toBeLessThan(13_500);
    const calibration = new TokenCalibration();
    const before = calibration.apply(model, raw);
    // Short prompts behind the upstream's own fixed overhead: a plain ratio would be 20× and more.
    for (let index = 0; index < 5000; index += 1) {
      const shortRaw = 60 + (index % 300);
      calibration.observe({ model, rawTokens: shortRaw, upstreamTokens: 6000 + shortRaw * 1.4 });
    }
    const after = calibration.apply(model, raw);
    expect(Math.abs(after - before) / before).toBeLessThanOrEqual(0.1);
    expect(calibration.samples(model)).toBe(5000);
  });

  it('bounds the drift even when every report claims three times our count', () => {
    const calibration = new TokenCalibration();
    const before = calibration.apply(model, 13_000);
    for (let index = 0; index < 2000; index += 1) {
      const rawTokens = 500 + (index % 40) * 500;
      calibration.observe({ model, rawTokens, upstreamTokens: rawTokens * 3 });
    }
    expect(calibration.apply(model, 13_000)).toBe(Math.ceil(before * 1.1));
  });

  it('learns the per-token slope of varied prompts, not the upstream’s fixed overhead', () => {
    const calibration = new TokenCalibration();
    for (let index = 0; index < 500; index += 1) {
      const rawTokens = 500 + (index % 40) * 500;
      calibration.observe({ model, rawTokens, upstreamTokens: 7000 + rawTokens * 1.2 });
    }
    expect(calibration.ratio(model)).toBeCloseTo(1.2, 3);
    expect(calibration.ratio('claude-haiku-4.5')).toBe(baseTokenRatio);
  });

  it('counts alike on a fresh and on a long-running server when no traffic happened', () => {
    const raw = countRequestTokens(longRequest, tokenize);
    const longRunning = new TokenCalibration();
    for (let index = 0; index < 1000; index += 1) {
      const rawTokens = 500 + (index % 40) * 500;
      longRunning.observe({ model: 'other-model', rawTokens, upstreamTokens: rawTokens * 2 });
    }
    expect(longRunning.apply(model, raw)).toBe(new TokenCalibration().apply(model, raw));
    expect(new TokenCalibration().apply(model, raw)).toBe(Math.ceil(raw * baseTokenRatio));
  });

  it('ignores empty reports', () => {
    const calibration = new TokenCalibration();
    calibration.observe({ model, rawTokens: 0, upstreamTokens: 500 });
    calibration.observe({ model, rawTokens: 100, upstreamTokens: 0 });
    expect(calibration.samples(model)).toBe(0);
  });
});
