import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { collect, streamOf, transformAll } from '../../test/stream-helpers';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { encodeAnthropicSseEvent } from './encode-anthropic-sse';
import { encodeOpenAISseData, openAISseDone } from './encode-openai-sse';
import { sseComment } from './keepalive';
import { createSseParserStream, type SseMessage } from './parse-sse-stream';

/** Splits bytes at the given cut points (any of them may fall inside a multi-byte character). */
function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    parts.push(bytes.slice(start, point));
    start = point;
  }
  parts.push(bytes.slice(start));
  return parts;
}

const eventArbitrary: fc.Arbitrary<AnthropicStreamEvent> = fc.oneof(
  fc.record({
    type: fc.constant('content_block_delta' as const),
    index: fc.nat(5),
    delta: fc.record({
      type: fc.constant('text_delta' as const),
      text: fc.string({ unit: 'grapheme' }),
    }),
  }),
  fc.constant({ type: 'ping' as const }),
  fc.record({ type: fc.constant('content_block_stop' as const), index: fc.nat(5) }),
);

describe('createSseParserStream', () => {
  it('parses any split of an SSE byte stream, multi-byte UTF-8 included, to the same events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(4000), { maxLength: 12 }),
        async (events, cuts) => {
          const text = events.map(encodeAnthropicSseEvent).join(sseComment());
          const bytes = new TextEncoder().encode(text);
          const messages = await transformAll(splitAt(bytes, cuts), createSseParserStream());
          expect(messages).toEqual(
            events.map((event) => ({ event: event.type, data: JSON.stringify(event) })),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('splits a four-byte character across chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"t":"🎉"}\n\n');
    const at = bytes.indexOf(0xf0) + 2;
    const messages = await transformAll(
      [bytes.slice(0, at), bytes.slice(at)],
      createSseParserStream(),
    );
    expect(messages).toEqual([{ data: '{"t":"🎉"}' }]);
  });

  it('reads OpenAI data-only frames, CRLF line ends, multi-line data and comments', async () => {
    const input = [
      ': keepalive\r\n\r\n',
      'data: {"a":1}\r\n\r\n',
      'data: line one\ndata: line two\n\n',
      'id: 7\nevent: custom\ndata: x\n\n',
      openAISseDone,
      'data: unterminated',
    ];
    const messages: SseMessage[] = await collect(
      streamOf(input).pipeThrough(createSseParserStream()),
    );
    expect(messages).toEqual([
      { data: '{"a":1}' },
      { data: 'line one\nline two' },
      { event: 'custom', data: 'x', id: '7' },
      { data: '[DONE]' },
    ]);
  });

  it('round-trips OpenAI frames', async () => {
    const chunk = {
      id: 'c',
      object: 'chat.completion.chunk' as const,
      created: 1,
      model: 'm',
      choices: [],
    };
    const messages = await transformAll([encodeOpenAISseData(chunk)], createSseParserStream());
    expect(messages).toEqual([{ data: JSON.stringify(chunk) }]);
  });
});
