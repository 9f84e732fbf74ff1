import { describe, expect, it } from 'vitest';

import {
  errorScenario,
  messageEnd,
  messageStart,
  multiToolScenario,
  thinkingScenario,
  toolBlock,
} from '../../test/anthropic-scenarios';
import { streamOf } from '../../test/stream-helpers';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { OctoProxyError } from '../errors/octoproxy-error';
import type { OpenAIStreamItem } from '../openai/chat-completion';
import {
  AnthropicMessageAccumulator,
  aggregateAnthropicStream,
} from './anthropic-message-accumulator';
import {
  OpenAICompletionAccumulator,
  aggregateOpenAIStream,
} from './openai-completion-accumulator';

async function* generate<Item>(items: Item[]): AsyncGenerator<Item> {
  for (const item of items) yield await Promise.resolve(item);
}

describe('aggregateAnthropicStream', () => {
  it('builds the final message from a ReadableStream or an AsyncIterable', async () => {
    const expected = {
      id: 'msg_01think',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-6',
      content: [
        { type: 'thinking', thinking: 'Let me think about 2+2.', signature: 'c2lnbmF0dXJl' },
        { type: 'text', text: '4' },
      ],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 377,
        output_tokens: 30,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    };
    expect(await aggregateAnthropicStream(streamOf(thinkingScenario))).toEqual(expected);
    expect(await aggregateAnthropicStream(generate(thinkingScenario))).toEqual(expected);
  });

  it('parses tool input at the end, starting from an empty string (not from the {} of content_block_start)', async () => {
    const message = await aggregateAnthropicStream(streamOf(multiToolScenario));
    expect(message.content.slice(1)).toEqual([
      { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } },
      { type: 'tool_use', id: 'toolu_01B', name: 'get_weather', input: { location: 'Tōkyō' } },
    ]);
  });

  it('throws the error event as an OctoProxyError of the right kind', async () => {
    const failure = await aggregateAnthropicStream(streamOf(errorScenario)).catch(
      (error: unknown) => error,
    );
    expect(OctoProxyError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({
      kind: 'overloaded',
      fault: 'upstream',
      retryable: true,
      message: 'Overloaded',
    });
    const tooLong: AnthropicStreamEvent = {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'prompt is too long: 209601 tokens > 200000 maximum',
      },
    };
    await expect(
      aggregateAnthropicStream(streamOf([messageStart(), tooLong])),
    ).rejects.toMatchObject({
      kind: 'invalid_request',
      code: 'context_length_exceeded',
    });
  });

  it('rejects incomplete streams and tool input that is not JSON, except at max_tokens', async () => {
    await expect(
      aggregateAnthropicStream(streamOf(multiToolScenario.slice(0, -1))),
    ).rejects.toThrow(/before message_stop/);
    await expect(aggregateAnthropicStream(streamOf(multiToolScenario.slice(1)))).rejects.toThrow(
      /before message_start/,
    );
    await expect(
      aggregateAnthropicStream(streamOf([messageStart(), messageStart()])),
    ).rejects.toThrow(/twice/);
    const cut = [
      messageStart(),
      ...toolBlock({ index: 0, id: 't', name: 'write', jsonPieces: ['{"content":"ha'] }),
    ];
    await expect(
      aggregateAnthropicStream(streamOf([...cut, ...messageEnd('end_turn')])),
    ).rejects.toThrow(/not a JSON object/);
    const truncated = await aggregateAnthropicStream(
      streamOf([...cut, ...messageEnd('max_tokens')]),
    );
    expect(truncated).toMatchObject({
      stop_reason: 'max_tokens',
      content: [{ type: 'tool_use', input: {} }],
    });
  });

  it('cancels the upstream when it throws', async () => {
    let cancelled = false;
    const source = new ReadableStream<AnthropicStreamEvent>({
      start(controller) {
        controller.enqueue(errorScenario[0]);
        controller.enqueue(errorScenario.at(-1));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(aggregateAnthropicStream(source)).rejects.toThrow('Overloaded');
    expect(cancelled).toBe(true);
  });

  it('can be fed one event at a time', () => {
    const accumulator = new AnthropicMessageAccumulator();
    for (const event of multiToolScenario) accumulator.push(event);
    expect(accumulator.finish().stop_reason).toBe('tool_use');
  });
});

describe('aggregateOpenAIStream', () => {
  const base = {
    id: 'chatcmpl-9',
    object: 'chat.completion.chunk',
    created: 5,
    model: 'gpt-x',
  } as const;
  const chunks: OpenAIStreamItem[] = [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    },
    { ...base, choices: [{ index: 0, delta: { reasoning_content: 'r1' }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: { content: 'lo' }, finish_reason: null }] },
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 1, id: 'c2', type: 'function', function: { name: 'b', arguments: '{}' } },
            ],
          },
          finish_reason: null,
        },
      ],
    },
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 0, id: 'c1', type: 'function', function: { name: 'a', arguments: '{"x"' } },
            ],
          },
          finish_reason: null,
        },
      ],
    },
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: ':1}' } }] },
          finish_reason: null,
        },
      ],
    },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    { ...base, choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } },
  ];

  it('joins content, reasoning and tool-call fragments by index', async () => {
    expect(await aggregateOpenAIStream(streamOf(chunks))).toEqual({
      id: 'chatcmpl-9',
      object: 'chat.completion',
      created: 5,
      model: 'gpt-x',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Hello',
            refusal: null,
            reasoning_content: 'r1',
            tool_calls: [
              { id: 'c1', type: 'function', function: { name: 'a', arguments: '{"x":1}' } },
              { id: 'c2', type: 'function', function: { name: 'b', arguments: '{}' } },
            ],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    });
  });

  it('throws on an error object and on a stream without finish_reason', async () => {
    const error: OpenAIStreamItem = {
      error: {
        message: 'slow down',
        type: 'rate_limit_error',
        param: null,
        code: 'rate_limit_exceeded',
      },
    };
    await expect(aggregateOpenAIStream(streamOf([chunks[0]!, error]))).rejects.toMatchObject({
      kind: 'rate_limit',
      code: 'rate_limit_exceeded',
      message: 'slow down',
    });
    await expect(aggregateOpenAIStream(streamOf(chunks.slice(0, 4)))).rejects.toThrow(
      /finish_reason/,
    );
    expect(() => new OpenAICompletionAccumulator().finish()).toThrow(/without any chunk/);
  });
});
