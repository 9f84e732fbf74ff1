import { describe, expect, it } from 'vitest';

import { multiToolScenario } from '../../test/anthropic-scenarios';
import { collect, streamOf } from '../../test/stream-helpers';
import { aggregateAnthropicStream } from '../aggregate/anthropic-message-accumulator';
import { createOpenAIToAnthropicEventStream } from '../stream/openai-to-anthropic-events';
import {
  createAnthropicEventDecoderStream,
  createOpenAIChunkDecoderStream,
} from './decode-sse-events';
import { createAnthropicSseEncoderStream } from './encode-anthropic-sse';
import { createSseParserStream } from './parse-sse-stream';

describe('createAnthropicEventDecoderStream', () => {
  it('decodes what the encoder wrote, skipping unknown event types', async () => {
    const bytes = streamOf(multiToolScenario).pipeThrough(createAnthropicSseEncoderStream());
    const extra = new TextEncoder().encode('event: brand_new\ndata: {"type":"brand_new"}\n\n');
    const all = await collect(bytes);
    const events = await collect(
      streamOf([...all.slice(0, 2), extra, ...all.slice(2)])
        .pipeThrough(createSseParserStream())
        .pipeThrough(createAnthropicEventDecoderStream()),
    );
    expect(events).toEqual(multiToolScenario);
  });

  it('errors the stream on data that is not JSON or a malformed known event', async () => {
    const decode = (text: string) =>
      collect(
        streamOf([text])
          .pipeThrough(createSseParserStream())
          .pipeThrough(createAnthropicEventDecoderStream()),
      );
    await expect(decode('data: {oops\n\n')).rejects.toMatchObject({
      kind: 'upstream',
      code: 'malformed_upstream_response',
    });
    await expect(decode('data: {"type":"content_block_stop"}\n\n')).rejects.toThrow(
      /malformed content_block_stop/,
    );
  });
});

describe('createOpenAIChunkDecoderStream', () => {
  const sse = [
    'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning":"why"},"finish_reason":null}],"usage":null}\n\n',
    'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi","tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"f","arguments":null}}]},"finish_reason":null}]}\n\n',
    'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n',
    'data: [DONE]\n\n',
    'data: {"ignored":true}\n\n',
  ];

  it('normalizes nulls and aliases, and stops at [DONE]', async () => {
    const items = await collect(
      streamOf(sse)
        .pipeThrough(createSseParserStream())
        .pipeThrough(createOpenAIChunkDecoderStream()),
    );
    expect(items.map((item) => ('choices' in item ? item.choices[0] : undefined))).toEqual([
      { index: 0, delta: { reasoning_content: 'why' }, finish_reason: null },
      {
        index: 0,
        delta: {
          content: 'Hi',
          tool_calls: [{ index: 0, id: 'c1', type: 'function', function: { name: 'f' } }],
        },
        finish_reason: null,
      },
      { index: 0, delta: {}, finish_reason: 'tool_calls' },
    ]);
  });

  it('feeds the OpenAI → Anthropic converter end to end', async () => {
    const message = await aggregateAnthropicStream(
      streamOf(sse)
        .pipeThrough(createSseParserStream())
        .pipeThrough(createOpenAIChunkDecoderStream())
        .pipeThrough(createOpenAIToAnthropicEventStream()),
    );
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'why', signature: '' },
      { type: 'text', text: 'Hi' },
      { type: 'tool_use', id: 'c1', name: 'f', input: {} },
    ]);
  });

  it('passes error objects through and rejects malformed chunks', async () => {
    const error =
      'data: {"error":{"message":"quota","type":"insufficient_quota","code":"insufficient_quota"}}\n\n';
    const items = await collect(
      streamOf([error])
        .pipeThrough(createSseParserStream())
        .pipeThrough(createOpenAIChunkDecoderStream()),
    );
    expect(items).toEqual([
      {
        error: {
          message: 'quota',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      },
    ]);
    await expect(
      collect(
        streamOf(['data: {"choices":5}\n\n'])
          .pipeThrough(createSseParserStream())
          .pipeThrough(createOpenAIChunkDecoderStream()),
      ),
    ).rejects.toThrow(/malformed chat chunk/);
  });
});
