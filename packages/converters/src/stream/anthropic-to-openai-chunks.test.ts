import { describe, expect, it } from 'vitest';

import {
  errorScenario,
  messageEnd,
  messageStart,
  multiToolScenario,
  textBlock,
  thinkingScenario,
  toolBlock,
} from '../../test/anthropic-scenarios';
import { transformAll } from '../../test/stream-helpers';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import {
  isOpenAIErrorBody,
  type OpenAIChatChunk,
  type OpenAIStreamItem,
} from '../openai/chat-completion';
import {
  createAnthropicToOpenAIChunkStream,
  type AnthropicToOpenAIChunkOptions,
} from './anthropic-to-openai-chunks';

async function convert(
  events: AnthropicStreamEvent[],
  options: AnthropicToOpenAIChunkOptions = {},
) {
  return transformAll(events, createAnthropicToOpenAIChunkStream({ created: 7, ...options }));
}

const deltas = (items: OpenAIStreamItem[]) =>
  items.flatMap((item) =>
    isOpenAIErrorBody(item) ? [] : item.choices.map((choice) => choice.delta),
  );

describe('createAnthropicToOpenAIChunkStream', () => {
  it('starts with the role chunk and ends with one non-null finish_reason; same id, created and model everywhere', async () => {
    const chunks = (await convert(multiToolScenario)) as OpenAIChatChunk[];
    expect(chunks[0]?.choices[0]).toEqual({
      index: 0,
      delta: { role: 'assistant', content: '' },
      logprobs: null,
      finish_reason: null,
    });
    const finishes = chunks.map((chunk) => chunk.choices[0]?.finish_reason);
    expect(finishes.slice(0, -1).every((reason) => reason === null)).toBe(true);
    expect(finishes.at(-1)).toBe('tool_calls');
    expect(new Set(chunks.map((chunk) => `${chunk.id}|${chunk.created}|${chunk.model}`))).toEqual(
      new Set(['chatcmpl-01tools|7|claude-sonnet-4-6']),
    );
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
  });

  it('streams each tool call as a first delta with id, type and name, then argument fragments', async () => {
    const toolDeltas = deltas(await convert(multiToolScenario)).flatMap(
      (delta) => delta.tool_calls ?? [],
    );
    expect(toolDeltas).toEqual([
      {
        index: 0,
        id: 'toolu_01A',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
      { index: 0, function: { arguments: '{"locati' } },
      { index: 0, function: { arguments: 'on": "Paris"}' } },
      {
        index: 1,
        id: 'toolu_01B',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
      { index: 1, function: { arguments: '{"location":' } },
      { index: 1, function: { arguments: ' "Tōkyō"}' } },
    ]);
  });

  it('streams thinking as reasoning_content and drops the signature', async () => {
    const all = deltas(await convert(thinkingScenario));
    expect(all.map((delta) => delta.reasoning_content ?? '').join('')).toBe(
      'Let me think about 2+2.',
    );
    expect(all.map((delta) => delta.content ?? '').join('')).toBe('4');
  });

  it('with include_usage: usage null on every chunk, then a usage chunk with no choices', async () => {
    const chunks = (await convert(multiToolScenario, { includeUsage: true })) as OpenAIChatChunk[];
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 377, completion_tokens: 80, total_tokens: 457 },
    });
  });

  it('turns an error event into an OpenAI error object and stops', async () => {
    const items = await convert([...errorScenario, ...messageEnd('end_turn')]);
    expect(items.at(-1)).toEqual({
      error: { message: 'Overloaded', type: 'server_error', param: null, code: 'overloaded_error' },
    });
    expect(items.filter(isOpenAIErrorBody)).toHaveLength(1);
    expect(
      items.some((item) => !isOpenAIErrorBody(item) && item.choices[0]?.finish_reason != null),
    ).toBe(false);
  });

  it('reports a stream that ends before message_stop as an error, never a clean finish', async () => {
    const cut = multiToolScenario.slice(0, 8);
    const items = await convert(cut);
    expect(isOpenAIErrorBody(items.at(-1))).toBe(true);
    expect(items.at(-1)).toMatchObject({
      error: { type: 'server_error', code: 'malformed_upstream_response' },
    });
  });

  it('unwraps custom tool input and sends it whole when the block closes', async () => {
    const json = JSON.stringify({ input: 'line "1"\nline 2' });
    const events = [
      messageStart(),
      ...toolBlock({
        index: 0,
        id: 'toolu_c',
        name: 'ApplyPatch',
        jsonPieces: [json.slice(0, 5), json.slice(5)],
      }),
      ...messageEnd('tool_use'),
    ];
    const toolDeltas = deltas(await convert(events, { customToolNames: ['ApplyPatch'] })).flatMap(
      (delta) => delta.tool_calls ?? [],
    );
    expect(toolDeltas).toEqual([
      { index: 0, id: 'toolu_c', type: 'custom', custom: { name: 'ApplyPatch', input: '' } },
      { index: 0, custom: { input: 'line "1"\nline 2' } },
    ]);
  });

  it('maps max_tokens to length and refusal to content_filter', async () => {
    const last = async (reason: 'max_tokens' | 'end_turn') =>
      (
        (await convert([
          messageStart(),
          ...textBlock(0, ['x']),
          ...messageEnd(reason),
        ])) as OpenAIChatChunk[]
      ).at(-1)?.choices[0]?.finish_reason;
    expect(await last('max_tokens')).toBe('length');
    expect(await last('end_turn')).toBe('stop');
  });
});
