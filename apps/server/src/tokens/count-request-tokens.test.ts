import { describe, expect, it } from 'vitest';

import { countRequestTokens } from './count-request-tokens';
import { estimateImageTokens, maxImageTokens } from './image-token-estimate';
import { createTokenizer } from './text-tokenizer';
import { TokenCalibration } from './token-calibration';

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
  it('starts from the initial ratio and converges to the upstream’s counts per model', () => {
    const calibration = new TokenCalibration({ initialRatio: 1.1, smoothing: 0.5 });
    expect(calibration.apply('claude-sonnet-4.5', 1000)).toBe(1100);
    for (let index = 0; index < 20; index += 1) {
      calibration.observe({ model: 'claude-sonnet-4.5', rawTokens: 1000, upstreamTokens: 1300 });
    }
    expect(calibration.ratio('claude-sonnet-4.5')).toBeCloseTo(1.3, 3);
    expect(calibration.apply('claude-haiku-4.5', 1000)).toBe(1100);
    expect(calibration.samples('claude-sonnet-4.5')).toBe(20);
  });

  it('ignores tiny prompts and bounds outliers', () => {
    const calibration = new TokenCalibration();
    calibration.observe({ model: 'm', rawTokens: 10, upstreamTokens: 500 });
    expect(calibration.samples('m')).toBe(0);
    calibration.observe({ model: 'm', rawTokens: 100, upstreamTokens: 100_000 });
    expect(calibration.ratio('m')).toBe(3);
  });
});
