import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let e2e: E2E;
let client: OpenAI;
let images: Server;
let imageUrl: string;

beforeAll(async () => {
  images = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}/cat.png`;
  e2e = await startE2E({ config: { imageFetchAllowList: ['127.0.0.1'] } });
  client = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: e2e.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await e2e.close();
  images.close();
});

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('OpenAI SDK against the gateway and the simulator', () => {
  it('answers a chat completion, not streamed', async () => {
    const completion = await client.chat.completions.create({
      model: 'claude-sonnet-4-6',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'sim: text Hello from OpenAI.' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('claude-sonnet-4-6');
    expect(completion.choices[0]?.message.content).toBe('Hello from OpenAI.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('streams with include_usage and the stream helper accepts every chunk', async () => {
    const stream = client.chat.completions.stream({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'sim: words 30' }],
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    stream.on('chunk', (chunk) => chunks.push(chunk));
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.content?.split(' ').length).toBeGreaterThan(20);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage?.completion_tokens).toBeGreaterThan(0);
    expect(
      chunks.slice(0, -1).every((chunk) => chunk.usage === null || chunk.usage === undefined),
    ).toBe(true);
  });

  it('calls tools, streamed and not, and takes the results back', async () => {
    const streamed = await client.chat.completions
      .stream({
        model: 'claude-sonnet-4-6',
        tools: [weather],
        messages: [{ role: 'user', content: 'sim: tool get_weather {"city":"Oslo"}' }],
      })
      .finalChatCompletion();
    const choice = streamed.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    const call = choice.message.tool_calls![0]!;
    expect(call.type).toBe('function');
    const fn = (call as { function: { name: string; arguments: string } }).function;
    expect(fn.name).toBe('get_weather');
    expect(JSON.parse(fn.arguments)).toEqual({ city: 'Oslo' });
    const answer = await client.chat.completions.create({
      model: 'claude-sonnet-4-6',
      tools: [weather],
      messages: [
        { role: 'user', content: 'sim: tool get_weather {"city":"Oslo"}' },
        { role: 'assistant', content: null, tool_calls: choice.message.tool_calls! },
        { role: 'tool', tool_call_id: call.id, content: 'Rain' },
        { role: 'user', content: 'sim: text Rain in Oslo.' },
      ],
    });
    expect(answer.choices[0]?.message.content).toBe('Rain in Oslo.');
  });

  it('downloads an image URL behind the SSRF guard and sends it inline', async () => {
    const completion = await client.chat.completions.create({
      model: 'claude-sonnet-4-6',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: imageUrl } },
            { type: 'text', text: 'sim: text Got it.' },
          ],
        },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe('Got it.');
    expect(JSON.stringify(e2e.sim.requests.entries().at(-1)?.body)).toContain(
      png.toString('base64'),
    );
  });

  it('lists models in the OpenAI shape', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('claude-haiku-4.5');
    expect(models.data[0]).toMatchObject({ object: 'model', owned_by: 'octoproxy' });
  });

  it('reports errors in the OpenAI shape', async () => {
    const error = await client.chat.completions
      .create({ model: 'claude-sonnet-4-6', messages: 'nope' as never })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({
      type: 'invalid_request_error',
    });
  });
});
