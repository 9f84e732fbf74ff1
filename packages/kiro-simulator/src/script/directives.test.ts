import { describe, expect, it } from 'vitest';

import { DirectiveError, parseDirectives } from './directives';

describe('parseDirectives', () => {
  it('keeps non-directive text and reads segments in order', () => {
    const script = parseDirectives(
      [
        'Please help.',
        'sim: think planning',
        '  sim: TEXT "line one\\nline two"',
        'sim: tool Bash {"command":"ls"}',
        'sim: tool Noop',
        'sim: words 12',
        'sim: chunks ["a","b"]',
        'sim: reasoning why not',
        'sim: reasoning-redacted',
        'sim: echo',
        'Thanks',
      ].join('\n'),
    );
    expect(script.text).toBe('Please help.\nThanks');
    expect(script.segments).toEqual([
      { type: 'think', text: 'planning' },
      { type: 'text', text: 'line one\nline two' },
      { type: 'tool', name: 'Bash', input: { command: 'ls' } },
      { type: 'tool', name: 'Noop', input: {} },
      { type: 'words', count: 12 },
      { type: 'chunks', chunks: ['a', 'b'] },
      { type: 'reasoning', text: 'why not' },
      { type: 'reasoning-redacted' },
      { type: 'echo' },
    ]);
  });

  it('reads settings', () => {
    const { settings } = parseDirectives(
      [
        'sim: delay 250',
        'sim: tps 40.5',
        'sim: context 99.5',
        'sim: credits 0',
        'sim: metadata',
        'sim: noise',
        'sim: slice 7',
        'sim: exception ThrottlingException after 3 message "slow down"',
      ].join('\n'),
    );
    expect(settings).toEqual({
      firstTokenDelayMs: 250,
      tokensPerSecond: 40.5,
      contextUsagePercentage: 99.5,
      credits: 0,
      metadataEvent: true,
      noise: true,
      sliceBytes: 7,
      exception: { exceptionType: 'ThrottlingException', afterFrames: 3, message: 'slow down' },
    });
    expect(parseDirectives('sim: exception ValidationException').settings.exception).toEqual({
      exceptionType: 'ValidationException',
      afterFrames: 1,
    });
  });

  it('ignores lines that only mention sim: later on', () => {
    expect(parseDirectives('the sim: text is not a directive').segments).toEqual([]);
  });

  it.each([
    'sim: dance',
    'sim: words many',
    'sim: words 0',
    'sim: words 1.5',
    'sim: text',
    'sim: tool',
    'sim: tool Bash [1]',
    'sim: tool Bash {oops',
    'sim: chunks [1,2]',
    'sim: noise loudly',
    'sim: exception',
    'sim: slice 0',
    'sim: text "unterminated',
  ])('refuses %j', (line) => {
    expect(() => parseDirectives(line)).toThrow(DirectiveError);
  });
});
