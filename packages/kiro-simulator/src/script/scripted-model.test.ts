import { describe, expect, it } from 'vitest';

import { parseDirectives } from './directives';
import { scriptAnswer, type AnswerInput, type OutputEvent } from './scripted-model';

function answer(content: string, extra: Partial<AnswerInput> = {}) {
  let n = 0;
  return scriptAnswer({
    script: parseDirectives(content),
    toolResults: [],
    thinkingRequested: false,
    thinkingForm: 'inline',
    newToolUseId: () => `tooluse_${++n}`,
    newSignature: () => 'sig',
    ...extra,
  });
}

const payloads = (events: OutputEvent[], type: string) =>
  events.flatMap((e) => (e.eventType === type ? [e.payload] : []));
const text = (events: OutputEvent[]) =>
  payloads(events, 'assistantResponseEvent')
    .map((p) => String(p['content']))
    .join('');

describe('scriptAnswer', () => {
  it('is deterministic', () => {
    expect(answer('sim: words 80\nsim: tool T {"a":1}')).toEqual(
      answer('sim: words 80\nsim: tool T {"a":1}'),
    );
  });

  it('echoes by default, and says so for an empty message', () => {
    expect(text(answer('hi there').events)).toBe('hi there');
    expect(text(answer('sim: delay 5').events)).toBe('(empty message)');
  });

  it('joins adjacent text segments before splitting, so tags split anywhere', () => {
    const { events, outputChars } = answer('sim: think a\nsim: text b');
    expect(text(events)).toBe('<thinking>a</thinking>\n\nb');
    expect(outputChars).toBe('<thinking>a</thinking>\n\nb'.length);
  });

  it('summarises received tool results when nothing is scripted', () => {
    const { events } = answer('Tool results provided.', {
      toolResults: [
        { toolUseId: 't1', name: 'Read', status: undefined, text: 'x'.repeat(500) },
        { toolUseId: 't2', name: undefined, status: 'error', text: 'boom\n  again' },
      ],
    });
    expect(text(events)).toBe(
      `Received 2 tool result(s).\n- Read (success): ${'x'.repeat(200)}\n- t2 (error): boom again`,
    );
  });

  it('thinks first when thinking is requested and not scripted, in the configured form', () => {
    expect(text(answer('hi', { thinkingRequested: true }).events)).toMatch(
      /^<thinking>Thinking about a 2-character message\.<\/thinking>\n\nhi$/,
    );
    const native = answer('hi', { thinkingRequested: true, thinkingForm: 'native' }).events;
    expect(payloads(native, 'reasoningContentEvent').at(-1)).toEqual({ signature: 'sig' });
    expect(text(native)).toBe('hi');
    expect(text(answer('sim: text x', { thinkingRequested: true }).events)).toMatch(/^<thinking>/);
    expect(text(answer('sim: think own', { thinkingRequested: true }).events)).toBe(
      '<thinking>own</thinking>\n\n',
    );
  });

  it('numbers tool calls and lists their names', () => {
    const { events, toolNames } = answer('sim: tool A\nsim: tool B {"x":"y"}');
    expect(toolNames).toEqual(['A', 'B']);
    const ids = new Set(payloads(events, 'toolUseEvent').map((p) => p['toolUseId']));
    expect(ids).toEqual(new Set(['tooluse_1', 'tooluse_2']));
    expect(payloads(events, 'toolUseEvent').filter((p) => p['stop'] === true)).toHaveLength(2);
  });
});
