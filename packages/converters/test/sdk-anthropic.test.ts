import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aggregateAnthropicStream } from '../src/aggregate/anthropic-message-accumulator';
import type { AnthropicMessage } from '../src/anthropic/message';
import { parseAnthropicMessagesRequest } from '../src/anthropic/parse-anthropic-request';
import type { AnthropicMessagesRequest } from '../src/anthropic/request-schema';
import type { AnthropicStreamEvent } from '../src/anthropic/stream-event';
import { normalizeAnthropicMessages } from '../src/convert/normalize-anthropic-messages';
import { toAnthropicError } from '../src/errors/error-bodies';
import type { OpenAIStreamItem } from '../src/openai/chat-completion';
import { createAnthropicSseEncoderStream } from '../src/sse/encode-anthropic-sse';
import { createOpenAIToAnthropicEventStream } from '../src/stream/openai-to-anthropic-events';
import {
  errorScenario,
  multiToolScenario,
  textScenario,
  thinkingScenario,
} from './anthropic-scenarios';
import {
  jsonResponse,
  sseResponse,
  startLoopbackServer,
  type LoopbackServer,
} from './loopback-server';
import { streamOf } from './stream-helpers';

/** What the next request gets: Anthropic events, or OpenAI chunks converted on the fly. */
type Script = { events: AnthropicStreamEvent[] } | { chunks: OpenAIStreamItem[] };

let server: LoopbackServer;
let client: Anthropic;
let script: Script = { events: [] };
const received: AnthropicMessagesRequest[] = [];

function eventStream(current: Script): ReadableStream<AnthropicStreamEvent> {
  if ('events' in current) return streamOf(current.events);
  return streamOf(current.chunks).pipeThrough(
    createOpenAIToAnthropicEventStream({ inputTokens: 21 }),
  );
}

beforeAll(async () => {
  server = await startLoopbackServer(async ({ body }) => {
    let request: AnthropicMessagesRequest;
    try {
      request = parseAnthropicMessagesRequest(body);
    } catch (error) {
      const rendered = toAnthropicError(error);
      return jsonResponse(rendered.body, rendered.status);
    }
    received.push(request);
    if (request.stream === true)
      return sseResponse(eventStream(script).pipeThrough(createAnthropicSseEncoderStream()));
    try {
      return jsonResponse(await aggregateAnthropicStream(eventStream(script)));
    } catch (error) {
      const rendered = toAnthropicError(error);
      return jsonResponse(rendered.body, rendered.status);
    }
  });
  client = new Anthropic({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

/** The SDK adds `parsed_output` (and sets `stop_details`); everything else must match exactly. */
function comparable(message: object): unknown {
  const {
    parsed_output: _parsed,
    stop_details: _details,
    ...rest
  } = message as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

async function sdkFinalMessage(current: Script): Promise<unknown> {
  script = current;
  const stream = client.messages.stream({
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  return comparable(await stream.finalMessage());
}

describe('the Anthropic SDK reading our SSE', () => {
  it.each([
    ['text', textScenario],
    ['multi-tool', multiToolScenario],
    ['thinking', thinkingScenario],
  ])('finalMessage() equals our aggregated message: %s', async (_name, events) => {
    const ours = await aggregateAnthropicStream(streamOf(events));
    expect(await sdkFinalMessage({ events })).toEqual(comparable(ours));
  });

  it('parses tool input split over many deltas', async () => {
    const final = (await sdkFinalMessage({ events: multiToolScenario })) as AnthropicMessage;
    expect(
      final.content.filter((block) => block.type === 'tool_use').map((block) => block.input),
    ).toEqual([{ location: 'Paris' }, { location: 'Tōkyō' }]);
  });

  it('answers stream:false with the same message the stream aggregates to', async () => {
    script = { events: multiToolScenario };
    const message = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(comparable(message)).toEqual(
      comparable(await aggregateAnthropicStream(streamOf(multiToolScenario))),
    );
  });

  it('throws the upstream error type on an error event mid-stream', async () => {
    const failure = await sdkFinalMessage({ events: errorScenario }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).type).toBe('overloaded_error');
    await expect(aggregateAnthropicStream(streamOf(errorScenario))).rejects.toMatchObject({
      kind: 'overloaded',
      message: 'Overloaded',
    });
  });

  it('reports the same error for stream:false', async () => {
    script = { events: errorScenario };
    const failure = await client.messages
      .create({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).status).toBe(529);
    expect((failure as APIError).type).toBe('overloaded_error');
  });

  it('rejects a malformed request with a 400 naming the path', async () => {
    const failure = await client.messages
      .create({
        model: 'm',
        max_tokens: 10,
        messages: [{ role: 'user', content: [{ type: 'text' } as never] }],
      })
      .catch((error: unknown) => error);
    expect((failure as APIError).status).toBe(400);
    expect((failure as APIError).type).toBe('invalid_request_error');
    expect((failure as APIError).message).toContain('messages.0.content');
  });

  it('sends images that normalize to what Anthropic accepts', async () => {
    script = { events: textScenario };
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await client.messages
      .stream({
        model: 'm',
        max_tokens: 10,
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'image',
                source: { type: 'base64', media_type: 'image/jpg' as 'image/jpeg', data: png },
              },
              { type: 'text', text: 'What is this?' },
            ],
          },
        ],
      })
      .finalMessage();
    const request = received[received.length - 1];
    const normalized = normalizeAnthropicMessages(request?.messages ?? []);
    expect(normalized[0]?.content).toMatchObject([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
      { type: 'text', text: 'What is this?' },
    ]);
  });
});

describe('the Anthropic SDK reading OpenAI chunks converted to Anthropic events', () => {
  const base = {
    id: 'chatcmpl-abc',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-x',
  } as const;
  const chunks: OpenAIStreamItem[] = [
    {
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    },
    {
      ...base,
      choices: [
        { index: 0, delta: { reasoning_content: 'Weather needs a tool.' }, finish_reason: null },
      ],
    },
    { ...base, choices: [{ index: 0, delta: { content: 'Checking.' }, finish_reason: null }] },
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: {
            tool_calls: [
              {
                index: 0,
                id: 'call_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '' },
              },
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
          delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] },
          finish_reason: null,
        },
      ],
    },
    {
      ...base,
      choices: [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] },
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
              {
                index: 1,
                id: 'functions.lookup:1',
                type: 'function',
                function: { name: 'lookup', arguments: '{}' },
              },
            ],
          },
          finish_reason: null,
        },
      ],
    },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
    {
      ...base,
      choices: [],
      usage: {
        prompt_tokens: 50,
        completion_tokens: 20,
        total_tokens: 70,
        prompt_tokens_details: { cached_tokens: 8 },
      },
    },
  ];

  it('finalMessage() equals our aggregated message', async () => {
    const events = await aggregateAnthropicStream(
      streamOf(chunks).pipeThrough(createOpenAIToAnthropicEventStream({ inputTokens: 21 })),
    );
    const final = (await sdkFinalMessage({ chunks })) as AnthropicMessage;
    expect(final).toEqual(comparable(events));
    expect(final.content.map((block) => block.type)).toEqual([
      'thinking',
      'text',
      'tool_use',
      'tool_use',
    ]);
    expect(final.content[2]).toMatchObject({
      id: 'call_1',
      name: 'get_weather',
      input: { city: 'Paris' },
    });
    expect(final.content[3]).toMatchObject({ name: 'lookup', input: {} });
    expect((final.content[3] as { id: string }).id).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(final.stop_reason).toBe('tool_use');
    expect(final.usage).toEqual({
      input_tokens: 42,
      output_tokens: 20,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 8,
    });
  });

  it('throws when the OpenAI stream reports an error mid-stream', async () => {
    const failing: OpenAIStreamItem[] = [
      chunks[0]!,
      chunks[2]!,
      {
        error: {
          message: 'Rate limited',
          type: 'rate_limit_error',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
    ];
    const failure = await sdkFinalMessage({ chunks: failing }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).type).toBe('rate_limit_error');
  });
});
