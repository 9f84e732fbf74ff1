import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';

import { InMemoryApiKeyStore, fakeClock } from '../../test/in-memory-stores';
import { renderError } from '../../test/render-error';
import { mintApiKey } from '../api-keys/api-key-format';
import { createApiKeyAuthenticator } from '../api-keys/api-key-authenticator';
import { assertModelAllowed } from '../api-keys/model-access';
import { apiKeyAuth } from './api-key-auth';
import type { ApiKeyEnv } from './auth-env';

describe('apiKeyAuth', () => {
  let clock: ReturnType<typeof fakeClock>;
  let store: InMemoryApiKeyStore;
  let app: Hono<ApiKeyEnv>;
  let key: string;
  let keyId: string;

  beforeEach(() => {
    clock = fakeClock(Date.UTC(2025, 0, 15, 23, 0, 0));
    store = new InMemoryApiKeyStore();
    const minted = mintApiKey();
    key = minted.key;
    keyId = store.add({
      keyHash: minted.keyHash,
      allowedModels: ['claude-haiku-4-5'],
      dailyRequestLimit: 3,
    }).id;
    const authenticator = createApiKeyAuthenticator({ keys: store, now: clock.now });
    app = new Hono<ApiKeyEnv>();
    app.onError(renderError);
    app.use('/v1/*', apiKeyAuth({ authenticator, countUsage: (c) => c.req.path !== '/v1/models' }));
    app.get('/v1/models', (c) => c.json({ key: c.get('apiKey').id }));
    app.post('/v1/messages', async (c) => {
      const { model } = await c.req.json<{ model: string }>();
      assertModelAllowed(c.get('apiKey').allowedModels, model);
      return c.json({ key: c.get('apiKey').id, model });
    });
    app.post('/v1/chat/completions', (c) => c.json({ key: c.get('apiKey').id }));
  });

  const messages = (headers: Record<string, string>, model = 'claude-haiku-4-5') =>
    app.request('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model }),
    });

  it('accepts the key from Authorization: Bearer, x-api-key and api-key', async () => {
    const variants: Record<string, string>[] = [
      { authorization: `Bearer ${key}` },
      { authorization: `bearer  ${key}` },
      { 'x-api-key': key },
      { 'api-key': key },
    ];
    for (const headers of variants) {
      const response = await app.request('/v1/models', { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ key: keyId });
    }
  });

  it('never reads a key from the query string', async () => {
    const response = await app.request(`/v1/models?api_key=${key}&key=${key}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { type: 'authentication_error', code: 'missing_api_key' },
    });
  });

  it('answers a bad key with 401 in the Anthropic shape on /v1/messages', async () => {
    const near = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
    const response = await messages({ 'x-api-key': near });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: 'Invalid API key.' },
    });
    expect(JSON.stringify(body)).not.toContain(key.slice(8, -1));
  });

  it('answers a bad key with 401 in the OpenAI shape on /v1/chat/completions', async () => {
    const response = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer sk-octo-wrong' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        type: 'authentication_error',
        code: 'invalid_api_key',
        message: 'Invalid API key.',
        param: null,
      },
    });
  });

  it('answers the daily limit with 429, Retry-After and the protocol shape, not 401', async () => {
    for (let request = 0; request < 3; request += 1) {
      expect((await messages({ 'x-api-key': key })).status).toBe(200);
    }
    // The model list is not counted, so it still works.
    expect((await app.request('/v1/models', { headers: { 'x-api-key': key } })).status).toBe(200);
    const anthropic = await messages({ 'x-api-key': key });
    expect(anthropic.status).toBe(429);
    expect(anthropic.headers.get('retry-after')).toBe('3600');
    expect(await anthropic.json()).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    });
    const openai = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(openai.status).toBe(429);
    expect(await openai.json()).toMatchObject({
      error: { type: 'rate_limit_error', code: 'daily_limit_exceeded' },
    });
  });

  it('puts the key on the context for the model check: 403 for a model outside the allow-list', async () => {
    expect((await messages({ 'x-api-key': key })).status).toBe(200);
    const refused = await messages({ 'x-api-key': key }, 'claude-opus-4-1');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      type: 'error',
      error: {
        type: 'permission_error',
        message: "This API key is not allowed to use the model 'claude-opus-4-1'.",
      },
    });
  });
});
