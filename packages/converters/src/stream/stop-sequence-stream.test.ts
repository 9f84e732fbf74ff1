import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { messageEnd, messageStart, textBlock, toolBlock } from '../../test/anthropic-scenarios';
import { streamOf, transformAll } from '../../test/stream-helpers';
import { aggregateAnthropicStream } from '../aggregate/anthropic-message-accumulator';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { createStopSequenceStream } from './stop-sequence-stream';

function splitText(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** What a model with native stop sequences returns: the text up to the first match to end. */
function reference(
  text: string,
  sequences: readonly string[],
): { text: string; sequence: string | null } {
  let best: { cut: number; end: number; sequence: string } | undefined;
  for (const sequence of sequences) {
    const at = text.indexOf(sequence);
    if (at !== -1 && (best === undefined || at + sequence.length < best.end))
      best = { cut: at, end: at + sequence.length, sequence };
  }
  return best === undefined
    ? { text, sequence: null }
    : { text: text.slice(0, best.cut), sequence: best.sequence };
}

describe('createStopSequenceStream', () => {
  it('stops at the first match whatever the delta boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), maxLength: 40 }),
        fc.array(
          fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 1, maxLength: 4 }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(fc.nat(60), { maxLength: 6 }),
        async (text, sequences, cuts) => {
          const events = [
            messageStart(),
            ...textBlock(0, splitText(text, cuts)),
            ...messageEnd('end_turn', 3),
          ];
          const message = await aggregateAnthropicStream(
            streamOf(events).pipeThrough(createStopSequenceStream({ stopSequences: sequences })),
          );
          const expected = reference(text, sequences);
          const answer = message.content
            .map((block) => (block.type === 'text' ? block.text : ''))
            .join('');
          expect(answer).toBe(expected.text);
          expect(message.stop_sequence).toBe(expected.sequence);
          expect(message.stop_reason).toBe(
            expected.sequence === null ? 'end_turn' : 'stop_sequence',
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds back only what may start a match and stops the upstream after a match', async () => {
    let pulled = 0;
    const upstream = new ReadableStream<AnthropicStreamEvent>({
      pull(controller) {
        const events = [
          messageStart(),
          ...textBlock(0, ['Hello EN', 'D of story', ' never sent']),
          ...messageEnd('end_turn'),
        ];
        const event = events[pulled];
        pulled += 1;
        if (event === undefined) controller.close();
        else controller.enqueue(event);
      },
    });
    const output: AnthropicStreamEvent[] = [];
    const reader = upstream
      .pipeThrough(createStopSequenceStream({ stopSequences: ['END'] }))
      .getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      output.push(value);
    }
    const texts = output.flatMap((event) =>
      event.type === 'content_block_delta' && event.delta.type === 'text_delta'
        ? [event.delta.text]
        : [],
    );
    expect(texts).toEqual(['Hello ']);
    expect(output.slice(-3)).toEqual([
      { type: 'content_block_stop', index: 0 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'stop_sequence', stop_sequence: 'END' },
        usage: { output_tokens: 2 },
      },
      { type: 'message_stop' },
    ]);
    expect(pulled).toBeLessThan(6);
  });

  it('passes everything through untouched without stop sequences, and leaves tool input alone', async () => {
    const events = [
      messageStart(),
      ...toolBlock({ index: 0, id: 't', name: 'x', jsonPieces: ['{"a":"END"}'] }),
      ...messageEnd('tool_use'),
    ];
    expect(
      await transformAll(events, createStopSequenceStream({ stopSequences: undefined })),
    ).toEqual(events);
    expect(
      await transformAll(events, createStopSequenceStream({ stopSequences: ['END', '  '] })),
    ).toEqual(events);
  });

  it('flushes held-back text when the block ends without a match', async () => {
    const events = [messageStart(), ...textBlock(0, ['the EN']), ...messageEnd('end_turn')];
    const message = await aggregateAnthropicStream(
      streamOf(events).pipeThrough(createStopSequenceStream({ stopSequences: ['END'] })),
    );
    expect(message.content).toEqual([{ type: 'text', text: 'the EN' }]);
    expect(message.stop_reason).toBe('end_turn');
  });
});
