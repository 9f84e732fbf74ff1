import { APIError, type OpenAI } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aggregateAnthropicStream } from '../src/aggregate/anthropic-message-accumulator';
import { aggregateOpenAIStream } from '../src/aggregate/openai-completion-accumulator';
import type { AnthropicMessagesRequest } from '../src/anthropic/request-schema';
import type { AnthropicStreamEvent } from '../src/anthropic/stream-event';
import { convertAnthropicMessageToOpenAI } from '../src/convert/convert-anthropic-message-to-openai';
import { convertOpenAIRequestToAnthropic } from '../src/convert/convert-openai-request-to-anthropic';
import { parseOpenAIChatRequest } from '../src/openai/parse-openai-chat-request';
import { createOpenAISseEncoderStream } from '../src/sse/encode-openai-sse';
import { createAnthropicToOpenAIChunkStream } from '../src/stream/anthropic-to-openai-chunks';
import { createStopSequenceStream } from '../src/stream/stop-sequence-stream';
import {
  errorScenario,
  messageEnd,
  messageStart,
  multiToolScenario,
  textBlock,
  textScenario,
  thinkingScenario,
  toolBlock,
} from './anthropic-scenarios';
import { jsonResponse, sseResponse } from './loopback-server';
import { startOpenAISdkGateway, type OpenAISdkGateway } from './openai-sdk-gateway';
import { streamOf } from './stream-helpers';

let gateway: OpenAISdkGateway;
let upstream: AnthropicStreamEvent[] = [];
const received: AnthropicMessagesRequest[] = [];

/** The gateway pipeline the server runs for `/v1/chat/completions`, on a scripted upstream. */
beforeAll(async () => {
  gateway = await startOpenAISdkGateway(async (body) => {
    const { request, customToolNames, includeUsage, legacyFunctions } =
      convertOpenAIRequestToAnthropic(parseOpenAIChatRequest(body));
    received.push(request);
    const events = streamOf(upstream).pipeThrough(
      createStopSequenceStream({ stopSequences: request.stop_sequences }),
    );
    if (request.stream === true) {
      return sseResponse(
        events
          .pipeThrough(
            createAnthropicToOpenAIChunkStream({
              includeUsage,
              customToolNames,
              legacyFunctions,
              created: 1700000000,
            }),
          )
          .pipeThrough(createOpenAISseEncoderStream()),
      );
    }
    const message = await aggregateAnthropicStream(events);
    return jsonResponse(
      convertAnthropicMessageToOpenAI(message, {
        customToolNames,
        legacyFunctions,
        created: 1700000000,
      }),
    );
  });
});

afterAll(() => gateway.close());

async function streamed(
  events: AnthropicStreamEvent[],
  params: Partial<OpenAI.ChatCompletionCreateParamsStreaming> = {},
) {
  upstream = events;
  const chunks: ChatCompletionChunk[] = [];
  const stream = gateway.client.chat.completions.stream({
    model: 'claude-sonnet-4-6',
    messages: [{ role: 'user', content: 'Hi' }],
    stream_options: { include_usage: true },
    ...params,
  });
  stream.on('chunk', (chunk) => chunks.push(chunk));
  const completion = await stream.finalChatCompletion();
  return { completion, chunks };
}

describe('the OpenAI SDK reading our chunks', () => {
  it('text: content, finish_reason and usage', async () => {
    const { completion, chunks } = await streamed(textScenario);
    const choice = completion.choices[0]!;
    expect(choice.message.content).toBe('Hello, world — ünïcødé 🎉!');
    expect(choice.message.role).toBe('assistant');
    expect(choice.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 377,
      completion_tokens: 12,
      total_tokens: 389,
    });
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(chunks.at(-1)?.choices).toEqual([]);
  });

  it('multi-tool: every call with id, name and complete arguments', async () => {
    const { completion } = await streamed(multiToolScenario, {
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
      ],
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBe("I'll check both cities.");
    expect(choice.message.tool_calls).toEqual([
      {
        id: 'toolu_01A',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"location": "Paris"}' },
      },
      {
        id: 'toolu_01B',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"location": "Tōkyō"}' },
      },
    ]);
  });

  it('matches our own aggregator on the same chunks', async () => {
    const { completion } = await streamed(multiToolScenario);
    const ours = await aggregateOpenAIStream(
      streamOf(multiToolScenario).pipeThrough(
        createAnthropicToOpenAIChunkStream({ includeUsage: true, created: 1700000000 }),
      ),
    );
    expect(completion.choices[0]?.message.tool_calls).toEqual(ours.choices[0]?.message.tool_calls);
    expect(completion.choices[0]?.message.content).toEqual(ours.choices[0]?.message.content);
    expect(completion.usage).toEqual(ours.usage);
    expect(completion.id).toBe(ours.id);
  });

  it('thinking: reasoning_content deltas before the answer', async () => {
    const { completion, chunks } = await streamed(thinkingScenario, { reasoning_effort: 'low' });
    const reasoning = chunks
      .map(
        (chunk) =>
          (chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)
            ?.reasoning_content ?? '',
      )
      .join('');
    expect(reasoning).toBe('Let me think about 2+2.');
    expect(completion.choices[0]?.message.content).toBe('4');
    expect(received.at(-1)?.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
  });

  it('images: a mislabelled data URL reaches the upstream with its real type', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await streamed(textScenario, {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe' },
            { type: 'image_url', image_url: { url: `data:image/jpg;base64,${png}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.webp' } },
          ],
        },
      ],
    });
    expect(received.at(-1)?.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.webp' } },
        ],
      },
    ]);
  });

  it('emulates stop sequences the upstream lacks', async () => {
    const events = [
      messageStart(),
      ...textBlock(0, ['one two ST', 'OP three']),
      ...messageEnd('end_turn'),
    ];
    // The whitespace-only sequence is dropped (Anthropic rejects it), so `two` decides.
    const { completion } = await streamed(events, { stop: [' ', 'two'] });
    expect(completion.choices[0]?.message.content).toBe('one ');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const second = await streamed(events, { stop: ['STOP'] });
    expect(second.completion.choices[0]?.message.content).toBe('one two ');
  });

  it('custom tools come back as raw input', async () => {
    const patch = '*** Begin Patch\n*** Add File: a.txt\n+hi "there"\n*** End Patch';
    const json = JSON.stringify({ input: patch });
    const events = [
      messageStart(),
      ...toolBlock({
        index: 0,
        id: 'toolu_patch',
        name: 'ApplyPatch',
        jsonPieces: [json.slice(0, 7), json.slice(7, 30), json.slice(30)],
      }),
      ...messageEnd('tool_use'),
    ];
    upstream = events;
    const completion = await gateway.client.chat.completions.create({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'Patch it' }],
      tools: [
        {
          type: 'custom',
          custom: {
            name: 'ApplyPatch',
            format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: /.+/' } },
          },
        },
      ],
    });
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      { id: 'toolu_patch', type: 'custom', custom: { name: 'ApplyPatch', input: patch } },
    ]);
    expect(received.at(-1)?.tools?.[0]?.input_schema).toMatchObject({
      properties: { input: { type: 'string' } },
    });
  });

  describe('legacy functions / function_call', () => {
    const functions = [
      {
        name: 'get_weather',
        description: 'Weather of a city',
        parameters: { type: 'object', properties: { location: { type: 'string' } } },
      },
    ];

    it('stream: delta.function_call chunks and finish_reason function_call', async () => {
      const { completion, chunks } = await streamed(multiToolScenario, {
        functions,
        function_call: 'auto',
      });
      const choice = completion.choices[0]!;
      expect(choice.finish_reason).toBe('function_call');
      expect(choice.message.function_call).toEqual({
        name: 'get_weather',
        arguments: '{"location": "Paris"}',
      });
      expect(choice.message.tool_calls).toBeUndefined();
      expect(chunks.some((chunk) => chunk.choices[0]?.delta.tool_calls !== undefined)).toBe(false);
      const ours = await aggregateOpenAIStream(
        streamOf(multiToolScenario).pipeThrough(
          createAnthropicToOpenAIChunkStream({ legacyFunctions: true, created: 1700000000 }),
        ),
      );
      expect(ours.choices[0]?.message.function_call).toEqual(choice.message.function_call);
      expect(ours.choices[0]?.finish_reason).toBe('function_call');
      const request = received.at(-1)!;
      expect(request.tools?.map((tool) => tool.name)).toEqual(['get_weather']);
      expect(request.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    });

    it('non-stream: message.function_call and finish_reason function_call', async () => {
      upstream = multiToolScenario;
      const completion = await gateway.client.chat.completions.create({
        model: 'claude-sonnet-4-6',
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        functions,
        function_call: { name: 'get_weather' },
      });
      const choice = completion.choices[0]!;
      expect(choice.finish_reason).toBe('function_call');
      expect(choice.message.function_call).toEqual({
        name: 'get_weather',
        arguments: '{"location":"Paris"}',
      });
      expect(choice.message.tool_calls).toBeUndefined();
      expect(received.at(-1)?.tool_choice).toEqual({
        type: 'tool',
        name: 'get_weather',
        disable_parallel_tool_use: true,
      });
    });

    it('a text answer to a functions request finishes with stop', async () => {
      const { completion } = await streamed(textScenario, { functions });
      expect(completion.choices[0]?.finish_reason).toBe('stop');
      expect(completion.choices[0]?.message.function_call).toBeUndefined();
    });
  });

  it('non-stream: content, tool calls and usage', async () => {
    upstream = multiToolScenario;
    const completion = await gateway.client.chat.completions.create({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]?.message.tool_calls).toHaveLength(2);
    expect(completion.usage).toMatchObject({ prompt_tokens: 377, completion_tokens: 80 });
  });

  it('errors mid-stream: the SDK throws the upstream error, and no [DONE] follows', async () => {
    const failure = await streamed(errorScenario).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).message).toContain('Overloaded');
    expect((failure as APIError).type).toBe('server_error');
  });

  it('rejects n > 1 and malformed messages with a 400 naming the parameter', async () => {
    const tooMany = await gateway.client.chat.completions
      .create({ model: 'm', n: 2, messages: [{ role: 'user', content: 'Hi' }] })
      .catch((error: unknown) => error);
    expect(tooMany).toMatchObject({ status: 400, param: 'n', type: 'invalid_request_error' });
    const malformed = await gateway.client.chat.completions
      .create({
        model: 'm',
        messages: [
          { role: 'user', content: 'a' },
          { role: 'user', content: 5 as never },
        ],
      })
      .catch((error: unknown) => error);
    expect(malformed).toMatchObject({ status: 400, param: 'messages.1.content' });
    expect((malformed as APIError).message).toContain(
      'messages.1.content: expected string or array',
    );
  });
});
