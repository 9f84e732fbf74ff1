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
