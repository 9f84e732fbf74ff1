import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { OpenAIMessageParam } from '../openai/request-schema';
import { parseOpenAIChatRequest } from '../openai/parse-openai-chat-request';
import { convertAnthropicRequestToOpenAI } from './convert-anthropic-request-to-openai';
import { convertOpenAIRequestToAnthropic } from './convert-openai-request-to-anthropic';

const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const text = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((value) => value.trim() !== '');
const imageUrl = fc.constantFrom(`data:image/png;base64,${png}`, 'https://example.com/cat.png');
const json = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 5 }),
  fc.oneof(fc.integer(), text, fc.boolean()),
  {
    maxKeys: 3,
  },
);

const userMessage: fc.Arbitrary<OpenAIMessageParam> = fc.oneof(
  text.map((content) => ({ role: 'user' as const, content })),
  fc
    .array(
      fc.oneof(
        text.map((value) => ({ type: 'text' as const, text: value })),
        imageUrl.map((url) => ({ type: 'image_url' as const, image_url: { url } })),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((content) => ({ role: 'user' as const, content })),
);

/** An assistant turn, then a tool message for each of its calls, then maybe a user message. */
function assistantTurn(turn: number): fc.Arbitrary<OpenAIMessageParam[]> {
  return fc
    .record({
      content: fc.option(text, { nil: null }),
      calls: fc.array(
        fc.record({ name: fc.constantFrom('read', 'write', 'run'), args: json, result: text }),
        { maxLength: 3 },
      ),
      after: fc.option(userMessage, { nil: undefined }),
    })
    .filter(({ content, calls }) => content !== null || calls.length > 0)
    .map(({ content, calls, after }) => {
      const ids = calls.map((_call, index) => `call_${turn}_${index}`);
      const messages: OpenAIMessageParam[] = [
        {
          role: 'assistant',
          content,
          ...(calls.length > 0
            ? {
                tool_calls: calls.map((call, index) => ({
                  id: ids[index] ?? '',
                  type: 'function' as const,
                  function: { name: call.name, arguments: JSON.stringify(call.args) },
                })),
              }
            : {}),
        },
        ...calls.map((call, index): OpenAIMessageParam => ({
          role: 'tool',
          tool_call_id: ids[index] ?? '',
          content: call.result,
        })),
      ];
      if (after !== undefined) messages.push(after);
      return messages;
    });
}

const conversation: fc.Arbitrary<OpenAIMessageParam[]> = fc
  .tuple(
    fc.option(text, { nil: undefined }),
    userMessage,
    fc
      .array(fc.nat(), { maxLength: 4 })
      .chain((turns) => fc.tuple(...turns.map((_turn, index) => assistantTurn(index)))),
  )
  .map(([system, first, turns]) => [
    ...(system === undefined ? [] : [{ role: 'system' as const, content: system }]),
    first,
    ...turns.flat(),
  ]);

type Item =
  | { kind: 'text'; text: string }
  | { kind: 'image'; url: string }
  | { kind: 'call'; id: string; name: string; args: unknown }
  | { kind: 'result'; id: string; text: string };

/** What a conversation means: the system text, and per side (user/assistant) the ordered items. */
function meaning(messages: readonly OpenAIMessageParam[]) {
  const system: string[] = [];
  const sides: { side: 'user' | 'assistant'; items: Item[] }[] = [];
  const add = (side: 'user' | 'assistant', items: Item[]) => {
    const last = sides[sides.length - 1];
    if (last?.side === side) last.items.push(...items);
    else sides.push({ side, items });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(
          typeof message.content === 'string'
            ? message.content
            : message.content.map((part) => part.text).join(''),
        );
        break;
      case 'user':
        add(
          'user',
          typeof message.content === 'string'
            ? [{ kind: 'text', text: message.content }]
            : message.content.map((part): Item =>
                part.type === 'text'
                  ? { kind: 'text', text: part.text }
                  : { kind: 'image', url: part.type === 'image_url' ? part.image_url.url : '' },
              ),
        );
        break;
      case 'tool':
        add('user', [
          {
            kind: 'result',
            id: message.tool_call_id,
            text:
              typeof message.content === 'string'
                ? message.content
                : message.content.map((part) => part.text).join(''),
          },
        ]);
        break;
      case 'assistant': {
        const content =
          typeof message.content === 'string'
            ? message.content
            : (message.content ?? [])
                .map((part) => (part.type === 'text' ? part.text : ''))
                .join('');
        const items: Item[] = content === '' ? [] : [{ kind: 'text', text: content }];
        for (const call of message.tool_calls ?? []) {
          if (call.type === 'function') {
            items.push({
              kind: 'call',
              id: call.id,
              name: call.function.name,
              args: JSON.parse(call.function.arguments) as unknown,
            });
          }
        }
        add('assistant', items);
        break;
      }
      case 'function':
        break;
    }
  }
  // Within one assistant side, consecutive texts are one answer.
  for (const side of sides) {
    side.items = side.items.reduce<Item[]>((merged, item) => {
      const last = merged[merged.length - 1];
      if (side.side === 'assistant' && item.kind === 'text' && last?.kind === 'text')
        last.text += item.text;
      else merged.push({ ...item });
      return merged;
    }, []);
  }
  return { system: system.join('\n\n'), sides };
}

describe('OpenAI → Anthropic → OpenAI', () => {
  it('keeps the meaning of a request: roles, text, tool calls and results, images', () => {
    fc.assert(
      fc.property(conversation, (messages) => {
        const original = parseOpenAIChatRequest({ model: 'm', messages });
        const hub = convertOpenAIRequestToAnthropic(original);
        const back = convertAnthropicRequestToOpenAI(hub.request).request;
        expect(meaning(back.messages)).toEqual(meaning(original.messages));
        expect(hub.warnings).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
