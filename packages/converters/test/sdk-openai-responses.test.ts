import { APIError, type OpenAI } from 'openai';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { aggregateAnthropicStream } from '../src/aggregate/anthropic-message-accumulator';
import type { AnthropicMessagesRequest } from '../src/anthropic/request-schema';
import type { AnthropicStreamEvent } from '../src/anthropic/stream-event';
import { convertAnthropicMessageToResponse } from '../src/convert/convert-anthropic-message-to-response';
import { convertResponsesRequestToAnthropic } from '../src/convert/convert-responses-request-to-anthropic';
import { parseResponsesRequest } from '../src/responses/parse-responses-request';
import { createResponsesSseEncoderStream } from '../src/sse/encode-responses-sse';
import { createAnthropicToResponsesEventStream } from '../src/stream/anthropic-to-responses-events';
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

/** The gateway pipeline the server runs for `/v1/responses`, on a scripted upstream. */
beforeAll(async () => {
  gateway = await startOpenAISdkGateway(async (body) => {
    const { request, responseOptions } = convertResponsesRequestToAnthropic(
      parseResponsesRequest(body),
    );
    received.push(request);
    const options = { ...responseOptions, createdAt: 1700000000 };
    const events = streamOf(upstream);
    if (request.stream === true) {
      return sseResponse(
        events
          .pipeThrough(createAnthropicToResponsesEventStream(options))
          .pipeThrough(createResponsesSseEncoderStream()),
      );
    }
    return jsonResponse(
      convertAnthropicMessageToResponse(await aggregateAnthropicStream(events), options),
    );
  });
});

afterAll(() => gateway.close());

const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  parameters: { type: 'object', properties: { location: { type: 'string' } } },
  strict: false,
};

describe('the OpenAI SDK reading our Responses stream', () => {
  it('text: responses.stream() accumulates the output text, status and usage', async () => {
    upstream = textScenario;
    const deltas: string[] = [];
    const stream = gateway.client.responses.stream({ model: 'gpt-5-codex', input: 'Hi' });
    stream.on('response.output_text.delta', (event) => deltas.push(event.snapshot));
    const response = await stream.finalResponse();
    expect(response.output_text).toBe('Hello, world — ünïcødé 🎉!');
    expect(response.status).toBe('completed');
    expect(response.model).toBe('gpt-5-codex');
    expect(response.usage).toMatchObject({
      input_tokens: 377,
      output_tokens: 12,
      total_tokens: 389,
    });
    expect(deltas.at(-1)).toBe('Hello, world — ünïcødé 🎉!');
  });

  it('function calls: complete arguments in the final output, argument snapshots on the way', async () => {
    upstream = multiToolScenario;
    const snapshots: string[] = [];
    const stream = gateway.client.responses.stream({
      model: 'm',
      input: 'Weather?',
      tools: [weatherTool],
    });
    stream.on('response.function_call_arguments.delta', (event) => snapshots.push(event.snapshot));
    const response = await stream.finalResponse();
    const calls = response.output.filter((item) => item.type === 'function_call');
    expect(
      calls.map((call) => [call.call_id, call.name, JSON.parse(call.arguments) as unknown]),
    ).toEqual([
      ['toolu_01A', 'get_weather', { location: 'Paris' }],
      ['toolu_01B', 'get_weather', { location: 'Tōkyō' }],
    ]);
    expect(snapshots).toContain('{"location": "Paris"}');
    expect(received.at(-1)?.tools?.[0]?.name).toBe('get_weather');
  });

  it('reasoning: summary events and the encrypted_content, replayed on the next turn as the same thinking', async () => {
    upstream = thinkingScenario;
    const response = await gateway.client.responses
      .stream({
        model: 'm',
        input: 'What is 2+2?',
        reasoning: { effort: 'medium', summary: 'auto' },
        include: ['reasoning.encrypted_content'],
        store: false,
      })
      .finalResponse();
    const reasoning = response.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.summary).toEqual([{ type: 'summary_text', text: 'Let me think about 2+2.' }]);
    expect(reasoning?.encrypted_content).toEqual(expect.any(String));
    expect(response.output_text).toBe('4');

    upstream = textScenario;
    await gateway.client.responses.create({
      model: 'm',
      input: [
        { role: 'user', content: 'What is 2+2?' },
        ...(response.output as OpenAI.Responses.ResponseInputItem[]),
        { role: 'user', content: 'And 3+3?' },
      ],
    });
    expect(received.at(-1)?.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'Let me think about 2+2.', signature: 'c2lnbmF0dXJl' },
      { type: 'text', text: '4' },
    ]);
  });

  it('raw event iteration: every event typed, sequence numbers strictly increasing', async () => {
    upstream = multiToolScenario;
    const events: ResponseStreamEvent[] = [];
    const stream = await gateway.client.responses.create({ model: 'm', input: 'x', stream: true });
    for await (const event of stream) events.push(event);
    expect(events[0]?.type).toBe('response.created');
    expect(events.at(-1)?.type).toBe('response.completed');
    const numbers = events.map((event) => event.sequence_number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('an upstream error mid-stream ends as a failed response with its code', async () => {
    upstream = errorScenario;
    const response = await gateway.client.responses
      .stream({ model: 'm', input: 'x' })
      .finalResponse();
    expect(response.status).toBe('failed');
    expect(response.error).toEqual({ code: 'server_is_overloaded', message: 'Overloaded' });
  });
});

describe('the OpenAI SDK reading our non-stream Response', () => {
  it('responses.create: output_text, usage, echoed fields', async () => {
    upstream = textScenario;
    const response = await gateway.client.responses.create({
      model: 'gpt-5-codex',
      input: 'Hi',
      instructions: 'Be brief.',
      metadata: { ticket: '7' },
    });
    expect(response.object).toBe('response');
    expect(response.id).toBe('resp_01test');
    expect(response.output_text).toBe('Hello, world — ünïcødé 🎉!');
    expect(response.instructions).toBe('Be brief.');
    expect(response.metadata).toEqual({ ticket: '7' });
    expect(response.usage?.total_tokens).toBe(389);
  });

  it('a custom grammar tool comes back as a custom_tool_call with the raw input', async () => {
    const patch = '*** Begin Patch\n*** Add File: hello.txt\n+hi\n*** End Patch\n';
    upstream = [
      messageStart('msg_01patch'),
      ...toolBlock({
        index: 0,
        id: 'toolu_patch',
        name: 'apply_patch',
        jsonPieces: [JSON.stringify({ input: patch })],
      }),
      ...messageEnd('tool_use'),
    ];
    const response = await gateway.client.responses.create({
      model: 'm',
      input: 'Add hello.txt',
      tools: [
        {
          type: 'custom',
          name: 'apply_patch',
          format: { type: 'grammar', syntax: 'lark', definition: 'start: /.+/' },
        },
      ],
    });
    expect(response.output).toEqual([
      expect.objectContaining({
        type: 'custom_tool_call',
        call_id: 'toolu_patch',
        name: 'apply_patch',
        input: patch,
      }),
    ]);
  });

  it('max_output_tokens: an incomplete response with its reason', async () => {
    upstream = [messageStart(), ...textBlock(0, ['Cut']), ...messageEnd('max_tokens')];
    const response = await gateway.client.responses.create({
      model: 'm',
      input: 'x',
      max_output_tokens: 16,
    });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(response.output_text).toBe('Cut');
  });

  it('previous_response_id: a 400 the SDK raises with the param', async () => {
    const error = await gateway.client.responses
      .create({ model: 'm', input: 'x', previous_response_id: 'resp_1' })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 400, param: 'previous_response_id' });
  });
});
