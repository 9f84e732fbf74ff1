import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;
let client: Anthropic;

beforeAll(async () => {
  e2e = await startE2E();
  client = new Anthropic({ baseURL: e2e.url, apiKey: e2e.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await e2e.close();
});

describe('Anthropic SDK against the gateway and the simulator', () => {
  it('answers a plain message, not streamed', async () => {
    const message = await client.messages.create({
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 256,
      messages: [{ role: 'user', content: 'sim: echo\nHello there' }],
    });
    expect(message.role).toBe('assistant');
    expect(message.model).toBe('claude-haiku-4-5-20251001');
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message._request_id).toMatch(/^req_/);
  });

  it('streams a message whose final form equals the non-stream one', async () => {
    const stream = client.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      messages: [{ role: 'user', content: 'sim: words 40' }],
    });
    let started = 0;
    stream.on('streamEvent', (event) => {
      if (event.type === 'message_start') {
        started = event.message.usage.input_tokens;
      }
    });
    const final = await stream.finalMessage();
    expect(started).toBeGreaterThan(0);
    expect(final.content[0]?.type).toBe('text');
    expect((final.content[0] as { text: string }).text.split(' ').length).toBeGreaterThan(20);
  });
});

describe('Anthropic SDK: tools, thinking, images, count_tokens, models', () => {
  const weatherTool = {
    name: 'get_weather',
    description: 'Weather for a city',
    input_schema: {
      type: 'object' as const,
      properties: { city: { type: 'string' } },
      required: ['city'],
    },
  };

  it('runs a tool round trip, streamed', async () => {
    const first = await client.messages
      .stream({
        model: 'claude-sonnet-4-6',
        max_tokens: 512,
        tools: [weatherTool],
        messages: [{ role: 'user', content: 'sim: tool get_weather {"city":"Paris"}' }],
      })
      .finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const call = first.content.find((block) => block.type === 'tool_use');
    expect(call).toMatchObject({ name: 'get_weather', input: { city: 'Paris' } });
    const second = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 512,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'sim: tool get_weather {"city":"Paris"}' },
        { role: 'assistant', content: first.content },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: call!.type === 'tool_use' ? call!.id : '',
              content: 'Sunny',
            },
            { type: 'text', text: 'sim: text It is sunny in Paris.' },
          ],
        },
      ],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'It is sunny in Paris.' }]);
  });

  it('streams thinking with a signature before the text', async () => {
    const message = await client.messages
      .stream({
        model: 'claude-sonnet-4-6',
        max_tokens: 2048,
        thinking: { type: 'enabled', budget_tokens: 1024 },
        messages: [{ role: 'user', content: 'sim: think Let me consider.\nsim: text Done.' }],
      })
      .finalMessage();
    expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: 'Let me consider.' });
    expect((message.content[0] as { signature: string }).signature.length).toBeGreaterThan(0);
    expect(message.content.at(-1)).toMatchObject({ type: 'text', text: 'Done.' });
  });

  it('turns thinking on for a -thinking model name', async () => {
    const message = await client.messages.create({
      model: 'claude-sonnet-4-6-thinking',
      max_tokens: 4096,
      messages: [{ role: 'user', content: 'sim: think Hmm.\nsim: text Yes.' }],
    });
    expect(message.content.map((block) => block.type)).toEqual(['thinking', 'text']);
  });

  it('sends base64 images upstream', async () => {
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const message = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 128,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
            { type: 'text', text: 'sim: text I see an image.' },
          ],
        },
      ],
    });
    expect(message.content).toEqual([{ type: 'text', text: 'I see an image.' }]);
    const sent = e2e.sim.requests.entries().at(-1);
    expect(JSON.stringify(sent?.body)).toContain(png);
  });

  it('counts tokens over everything the upstream sees', async () => {
    const small = await client.messages.countTokens({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    const withTools = await client.messages.countTokens({
      model: 'claude-sonnet-4-6',
      tools: [weatherTool],
      system: 'You are a weather assistant that answers briefly.',
      messages: [{ role: 'user', content: 'Hello' }],
    });
    expect(small.input_tokens).toBeGreaterThan(0);
    expect(withTools.input_tokens).toBeGreaterThan(small.input_tokens + 20);
  });

  it('lists models in the Anthropic shape with limits', async () => {
    const page = await client.models.list();
    const ids = page.data.map((model) => model.id);
    expect(ids).toContain('claude-sonnet-4.5');
    expect(page.data[0]).toMatchObject({ type: 'model', display_name: expect.any(String) });
    expect(
      (page.data[0] as unknown as { max_input_tokens: number }).max_input_tokens,
    ).toBeGreaterThan(0);
  });
});
