import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E({ config: { accountMaxConcurrency: 1 } });
});
afterAll(async () => {
  await e2e.close();
});

async function newKey(limits: Record<string, unknown>): Promise<string> {
  const created = await e2e.admin('POST', '/api/api-keys', { name: 'limited', ...limits });
  return (created.body as { apiKey: { key: string } }).apiKey.key;
}

const ask = (client: Anthropic, text = 'sim: text ok') =>
  client.messages.create({
    model: 'claude-sonnet-4-6',
    max_tokens: 64,
    messages: [{ role: 'user', content: text }],
  });

describe('API keys over their limits', () => {
  it('answers 429 in each protocol once the daily limit is used', async () => {
    const key = await newKey({ dailyLimit: 2 });
    const anthropic = new Anthropic({ baseURL: e2e.url, apiKey: key, maxRetries: 0 });
    await ask(anthropic);
    await ask(anthropic);
    const error = await ask(anthropic).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect((error as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    });
    const openai = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: key, maxRetries: 0 });
    const openaiError = await openai.chat.completions
      .create({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(openaiError).toBeInstanceOf(OpenAI.RateLimitError);
    expect(
      (openaiError as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after'),
    ).toMatch(/^\d+$/);
    const models = await anthropic.models.list();
    expect(models.data.length).toBeGreaterThan(0);
  });

  it('enforces the per-minute rate limit', async () => {
    const anthropic = new Anthropic({
      baseURL: e2e.url,
      apiKey: await newKey({ rateLimitPerMinute: 1 }),
      maxRetries: 0,
    });
    await ask(anthropic);
    await expect(ask(anthropic)).rejects.toBeInstanceOf(Anthropic.RateLimitError);
  });

  it('refuses models outside the key’s allow-list with 403', async () => {
    const anthropic = new Anthropic({
      baseURL: e2e.url,
      apiKey: await newKey({ allowedModels: ['claude-haiku-*'] }),
      maxRetries: 0,
    });
    await expect(ask(anthropic)).rejects.toBeInstanceOf(Anthropic.PermissionDeniedError);
    const haiku = await anthropic.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'sim: text ok' }],
    });
    expect(haiku.content).toEqual([{ type: 'text', text: 'ok' }]);
  });

  it('refuses expired, disabled, disabled-owner, unknown and missing keys with 401', async () => {
    const expired = await newKey({ expiresAt: Date.now() - 1000 });
    const disabledKey = await e2e.admin('POST', '/api/api-keys', { name: 'off' });
    const { id, key } = (disabledKey.body as { apiKey: { id: string; key: string } }).apiKey;
    await e2e.admin('PUT', `/api/api-keys/${id}`, { isActive: false });
    const user = await e2e.admin('POST', '/api/users', {
      username: 'leaver',
      password: 'leaver-pw-123',
    });
    const userId = (user.body as { user: { id: string } }).user.id;
    const leaverKey = await newKey({ userId });
    await e2e.admin('PUT', `/api/users/${userId}`, { isActive: false });
    for (const apiKey of [expired, key, leaverKey, 'sk-octo-not-a-real-key', '']) {
      const anthropic = new Anthropic({ baseURL: e2e.url, apiKey, maxRetries: 0 });
      await expect(ask(anthropic)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    }
  });
});

describe('client disconnect mid-stream', () => {
  // Causal, not timed: the upstream answer is paced to take minutes, so a closed upstream connection
  // with frames still unsent can only come from the client's disconnect.
  it('closes the upstream connection and frees the account’s slot', async () => {
    const controller = new AbortController();
    const response = await fetch(`${e2e.url}/v1/messages`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'x-api-key': e2e.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'claude-sonnet-4-6',
        max_tokens: 4096,
        stream: true,
        messages: [{ role: 'user', content: 'sim: tps 5\nsim: words 400' }],
      }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('content_block_delta')) {
      const chunk = await reader.read();
      seen += decoder.decode(chunk.value);
    }
    const upstream = e2e.sim.requests.last('generateAssistantResponse')!;
    expect(upstream.outcome).toBe('pending');
    controller.abort();
    await e2e.sim.requests.waitForClientClose(upstream.id, { timeoutMs: 20_000 });
    expect(upstream.outcome).toBe('client-closed');

    // The only slot of the only account is free again: the next request is served at once.
    const anthropic = new Anthropic({ baseURL: e2e.url, apiKey: e2e.apiKey, maxRetries: 0 });
    const next = await ask(anthropic, 'sim: text next');
    expect(next.content).toEqual([{ type: 'text', text: 'next' }]);
  });
});
