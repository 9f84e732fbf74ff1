import type { AnthropicMessagesRequest } from '@octoproxy/converters';
import { describe, expect, it } from 'vitest';

import { inlineImages } from './inline-images';

const limits = { maxImages: 8, maxTotalBytes: 1024 * 1024 };

function requestWith(content: unknown[]): AnthropicMessagesRequest {
  return {
    model: 'm',
    max_tokens: 10,
    messages: [
      { role: 'user', content: content as AnthropicMessagesRequest['messages'][0]['content'] },
    ],
  };
}

describe('inlineImages', () => {
  it('replaces URL images, including those inside tool results, with base64 sources', async () => {
    const request = requestWith([
      { type: 'image', source: { type: 'url', url: 'https://img.example/a.png' } },
      {
        type: 'tool_result',
        tool_use_id: 't1',
        content: [{ type: 'image', source: { type: 'url', url: 'data:image/gif;base64,R0lGOD' } }],
      },
    ]);
    const fetched: string[] = [];
    const count = await inlineImages(request, {
      ...limits,
      enabled: true,
      fetch: (url) => {
        fetched.push(url);
        return Promise.resolve({ mediaType: 'image/png', base64: 'iVBOR' });
      },
    });
    expect(count).toBe(2);
    expect(fetched).toEqual(['https://img.example/a.png']);
    expect(request.messages[0]?.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
      {
        type: 'tool_result',
        tool_use_id: 't1',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/gif', data: 'R0lGOD' } },
        ],
      },
    ]);
  });

  it('refuses remote URLs when fetching is disabled but still decodes data URLs', async () => {
    const remote = requestWith([
      { type: 'image', source: { type: 'url', url: 'https://x/a.png' } },
    ]);
    const neverFetch = () => Promise.reject(new Error('must not fetch'));
    await expect(
      inlineImages(remote, { ...limits, enabled: false, fetch: neverFetch }),
    ).rejects.toThrow(/disabled/);
    const local = requestWith([
      { type: 'image', source: { type: 'url', url: 'data:image/png;base64,AAAA' } },
    ]);
    await expect(
      inlineImages(local, { ...limits, enabled: false, fetch: neverFetch }),
    ).resolves.toBe(1);
  });
});
