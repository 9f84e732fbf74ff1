import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { InlineThinkingParser, type ThinkingSegment } from './inline-thinking-parser';

/** Runs text through the parser in the given pieces and joins adjacent segments of one kind. */
function parse(pieces: readonly string[]): { thinking: string[]; text: string } {
  const parser = new InlineThinkingParser();
  const segments: ThinkingSegment[] = [];
  for (const piece of pieces) segments.push(...parser.push(piece));
  segments.push(...parser.flush());
  const thinking: string[] = [];
  let current: string | undefined;
  let text = '';
  for (const segment of segments) {
    if (segment.kind === 'thinking') current = (current ?? '') + segment.text;
    else if (segment.kind === 'thinking_end') {
      thinking.push(current ?? '');
      current = undefined;
    } else text += segment.text;
  }
  return { thinking, text };
}

function splits(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let start = 0;
  for (const point of points) {
    out.push(text.slice(start, point));
    start = point;
  }
  out.push(text.slice(start));
  return out;
}

describe('InlineThinkingParser', () => {
  it('splits leading thinking from the answer', () => {
    expect(parse(['<thinking>\nLet me think.</thinking>\n\nThe answer.'])).toEqual({
      thinking: ['Let me think.'],
      text: 'The answer.',
    });
  });

  it('gives the same result for every chunking', () => {
    const samples = [
      '<thinking>\nPlan: use `</thinking>` and "</thinking>" carefully.</thinking>\n\nDone ✓ 世界',
      '  <thinking>short</thinking>\n\nA',
      'No thinking here, even with <thinking> later.</thinking>',
      '<thinking>never closed 👋🏽',
      '<thin',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.nat(), { maxLength: 12 }),
        (sample, cuts) => {
          expect(parse(splits(sample, cuts))).toEqual(parse([sample]));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not mistake quoted or backticked closing tags for the end', () => {
    expect(parse(['<thinking>use `</thinking>` or "</thinking>"\nok</thinking>\n\nhi'])).toEqual({
      thinking: ['use `</thinking>` or "</thinking>"\nok'],
      text: 'hi',
    });
  });

  it('treats a tag after the start as plain text', () => {
    expect(parse(['Hello <thinking>x</thinking>'])).toEqual({
      thinking: [],
      text: 'Hello <thinking>x</thinking>',
    });
  });

  it('ends unclosed thinking at a flush (a tool call or the end of the stream)', () => {
    expect(parse(['<thinking>still going'])).toEqual({ thinking: ['still going'], text: '' });
    expect(parse(['<thinking>done</thinking>'])).toEqual({ thinking: ['done'], text: '' });
  });

  it('releases held-back text as answer when disabled', () => {
    const parser = new InlineThinkingParser();
    expect(parser.push('<thi')).toEqual([]);
    expect(parser.disable()).toEqual([{ kind: 'text', text: '<thi' }]);
    expect(parser.push('<thinking>')).toEqual([{ kind: 'text', text: '<thinking>' }]);
  });
});
