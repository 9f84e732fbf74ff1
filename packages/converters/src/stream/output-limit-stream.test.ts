import { describe, expect, it } from 'vitest';

import {
  messageEnd,
  messageStart,
  textBlock,
  thinkingBlock,
  toolBlock,
} from '../../test/anthropic-scenarios';
import { streamOf, transformAll } from '../../test/stream-helpers';
import { aggregateAnthropicStream } from '../aggregate/anthropic-message-accumulator';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { createOutputLimitStream } from './output-limit-stream';

/** One token per code point: exact arithmetic for the tests, any real tokenizer fits the same contract. */
const perCodePoint = (text: string) => Array.from(text).length;

describe('createOutputLimitStream', () => {
  it('cuts the text at the limit, across deltas and without splitting a character', async () => {
    const events = [
      messageStart(),
      ...textBlock(0, ['ab', 'c🚀', 'déf']),
      ...messageEnd('end_turn'),
    ];
    const message = await aggregateAnthropicStream(
      streamOf(events).pipeThrough(
        createOutputLimitStream({ maxTokens: 5, countTokens: perCodePoint }),
      ),
    );
    expect(message.content).toEqual([{ type: 'text', text: 'abc🚀d' }]);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(5);
  });

  it('counts thinking and tool input, and closes the open block', async () => {
    const events = [
      messageStart(),
      ...thinkingBlock(0, ['hmm'], 'sig'),
      ...toolBlock({ index: 1, id: 't', name: 'x', jsonPieces: ['{"a":', '"long value"}'] }),
      ...messageEnd('tool_use'),
    ];
    const output = await transformAll(
      events,
      createOutputLimitStream({ maxTokens: 10, countTokens: perCodePoint }),
    );
    const json = output.flatMap((event) =>
      event.type === 'content_block_delta' && event.delta.type === 'input_json_delta'
        ? [event.delta.partial_json]
        : [],
    );
    expect(json).toEqual(['{"a":', '"l']);
    expect(output.slice(-3)).toEqual([
      { type: 'content_block_stop', index: 1 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'max_tokens', stop_sequence: null },
        usage: { output_tokens: 10 },
      },
      { type: 'message_stop' },
    ]);
  });

  it('stops pulling from the upstream once the limit is reached', async () => {
    let pulled = 0;
    const events: AnthropicStreamEvent[] = [
      messageStart(),
      ...textBlock(0, ['one ', 'two ', 'three ', 'four ', 'five ', 'six ']),
      ...messageEnd('end_turn'),
    ];
    const upstream = new ReadableStream<AnthropicStreamEvent>(
      {
        pull(controller) {
          const event = events[pulled];
          pulled += 1;
          if (event === undefined) controller.close();
          else controller.enqueue(event);
        },
      },
      { highWaterMark: 0 },
    );
    const reader = upstream
      .pipeThrough(createOutputLimitStream({ maxTokens: 6, countTokens: perCodePoint }))
      .getReader();
    for (;;) if ((await reader.read()).done) break;
    expect(pulled).toBeLessThan(6);
  });

  it('passes everything through when no limit is given or the answer fits', async () => {
    const events = [messageStart(), ...textBlock(0, ['short']), ...messageEnd('end_turn')];
    expect(
      await transformAll(
        events,
        createOutputLimitStream({ maxTokens: undefined, countTokens: perCodePoint }),
      ),
    ).toEqual(events);
    expect(
      await transformAll(
        events,
        createOutputLimitStream({ maxTokens: 5, countTokens: perCodePoint }),
      ),
    ).toEqual(events);
  });
});
