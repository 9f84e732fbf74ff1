import { describe, expect, it } from 'vitest';

import { collect, streamOf, transformAll } from '../../test/stream-helpers';
import { aggregateAnthropicStream } from '../aggregate/anthropic-message-accumulator';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import type { OpenAIChunkChoice, OpenAIStreamItem } from '../openai/chat-completion';
import {
  createOpenAIToAnthropicEventStream,
  type OpenAIToAnthropicEventOptions,
} from './openai-to-anthropic-events';

const base = {
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-x',
} as const;
const chunk = (
  delta: OpenAIChunkChoice['delta'],
  finish: OpenAIChunkChoice['finish_reason'] = null,
): OpenAIStreamItem => ({
  ...base,
  choices: [{ index: 0, delta, finish_reason: finish }],
});

async function convert(items: OpenAIStreamItem[], options: OpenAIToAnthropicEventOptions = {}) {
  return transformAll(items, createOpenAIToAnthropicEventStream(options));
}

/** Checks the order rules the SDKs enforce: one message_start first, one open block at a time, indexes 0,1,2…. */
function assertOrder(events: AnthropicStreamEvent[]): void {
  expect(events[0]?.type).toBe('message_start');
  let open: number | undefined;
  let next = 0;
  for (const event of events.slice(1)) {
    if (event.type === 'message_start') throw new Error('second message_start');
    if (event.type === 'content_block_start') {
      expect(open).toBeUndefined();
      expect(event.index).toBe(next);
      open = event.index;
      next += 1;
    }
    if (event.type === 'content_block_delta') expect(event.index).toBe(open);
    if (event.type === 'content_block_stop') {
      expect(event.index).toBe(open);
      open = undefined;
    }
    if (event.type === 'message_delta') expect(open).toBeUndefined();
  }
}

describe('createOpenAIToAnthropicEventStream', () => {
  it('emits events in strict order with cumulative usage at the end', async () => {
    const events = await convert(
      [
        chunk({ role: 'assistant', content: '' }),
        chunk({ reasoning_content: 'hmm' }),
        chunk({ content: 'Hi' }),
        chunk({ content: ' there' }),
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'call_a',
              type: 'function',
              function: { name: 'a', arguments: '{"x"' },
            },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }),
        chunk({
          tool_calls: [
            { index: 1, id: 'call_b', type: 'function', function: { name: 'b', arguments: '' } },
          ],
        }),
        chunk({}, 'tool_calls'),
        {
          ...base,
          choices: [],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      ],
      { inputTokens: 9, thinkingSignature: 'octo-sig' },
    );
    assertOrder(events);
    expect(events.map((event) => event.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]).toMatchObject({
      message: { id: 'msg_1', model: 'gpt-x', usage: { input_tokens: 9 } },
    });
    expect(events[4]).toEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'signature_delta', signature: 'octo-sig' },
    });
    expect(events[15]).toEqual({
      type: 'content_block_delta',
      index: 3,
      delta: { type: 'input_json_delta', partial_json: '{}' },
    });
    expect(events[17]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: {
        input_tokens: 10,
        output_tokens: 5,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
  });

  it('buffers argument fragments that arrive before the tool name', async () => {
    const message = await aggregateAnthropicStream(
      streamOf([
        chunk({ tool_calls: [{ index: 0, id: 'call_a', function: { arguments: '{"pa' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: 'th":"/tmp"}' } }] }),
        chunk({ tool_calls: [{ index: 0, type: 'function', function: { name: 'read' } }] }),
        chunk({}, 'tool_calls'),
      ]).pipeThrough(createOpenAIToAnthropicEventStream()),
    );
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'call_a', name: 'read', input: { path: '/tmp' } },
    ]);
  });

  it('wraps custom tool input as {"input": …}', async () => {
    const message = await aggregateAnthropicStream(
      streamOf([
        chunk({
          tool_calls: [
            {
              index: 0,
              id: 'call_p',
              type: 'custom',
              custom: { name: 'ApplyPatch', input: '*** Begin "' },
            },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, custom: { input: 'Patch"\n' } }] }),
        chunk({}, 'tool_calls'),
      ]).pipeThrough(createOpenAIToAnthropicEventStream()),
    );
    expect(message.content).toEqual([
      {
        type: 'tool_use',
        id: 'call_p',
        name: 'ApplyPatch',
        input: { input: '*** Begin "Patch"\n' },
      },
    ]);
  });

  it('ends with an error event, not a clean turn, when the stream stops mid-tool-call', async () => {
    const events = await convert([
      chunk({ content: 'Writing the file' }),
      chunk({
        tool_calls: [
          {
            index: 0,
            id: 'call_w',
            type: 'function',
            function: { name: 'write', arguments: '{"content":"par' },
          },
        ],
      }),
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(events.some((event) => event.type === 'message_stop')).toBe(false);
    const nameless = await convert([
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{}' } }] }),
      chunk({}, 'tool_calls'),
    ]);
    expect(nameless.at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'A tool call never received its name.' },
    });
  });

  it('reports truncated tool JSON as an error unless the length limit cut it', async () => {
    const call = chunk({
      tool_calls: [
        {
          index: 0,
          id: 'call_t',
          type: 'function',
          function: { name: 'write', arguments: '{"a":' },
        },
      ],
    });
    const finished = await convert([call, chunk({}, 'tool_calls')]);
    expect(finished.at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'Tool call call_t has arguments that are not a JSON object.' },
    });
    const cut = await convert([call, chunk({}, 'length')]);
    expect(cut.at(-2)).toMatchObject({
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens' },
    });
  });

  it('maps length to max_tokens', async () => {
    const events = await convert([chunk({ content: 'abc' }, 'length')]);
    expect(events.at(-2)).toMatchObject({
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens' },
    });
  });

  it('turns an error object into an error event and ignores the rest', async () => {
    const events = await convert([
      chunk({ content: 'a' }),
      {
        error: {
          message: 'Context too long',
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      },
      chunk({ content: 'b' }, 'stop'),
    ]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'Context too long' },
    });
    expect(events.filter((event) => event.type === 'error')).toHaveLength(1);
  });

  it('reports an empty stream as an error', async () => {
    expect(
      await collect(
        streamOf<OpenAIStreamItem>([]).pipeThrough(createOpenAIToAnthropicEventStream()),
      ),
    ).toEqual([
      {
        type: 'error',
        error: { type: 'api_error', message: 'The upstream stream ended without any chunk.' },
      },
    ]);
  });
});
