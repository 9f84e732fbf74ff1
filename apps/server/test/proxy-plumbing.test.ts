import { InvalidRequestError } from '@octoproxy/converters';
import { afterEach, describe, expect, it } from 'vitest';

import { openAppWithApiKey, type TestApp } from './helpers/app-with-api-key';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function start(backend: Parameters<typeof scriptedUpstream>[0], config = {}) {
  const { app, apiKey } = await openAppWithApiKey({
    upstream: scriptedUpstream(backend),
    config,
  });
  opened.push(app);
  const post = (path: string, body: unknown) =>
    app.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
  return { app, post };
}

const message = (content: string, stream = true) => ({
  model: 'claude-sonnet-4-6',
  max_tokens: 100,
  stream,
  messages: [{ role: 'user', content }],
});

describe('proxy plumbing', () => {
  it('sends pings while the first event is awaited, then the answer with a real input count', async () => {
    const { post } = await start(
      scriptedBackend({ events: () => textAnswer('late'), firstEventDelayMs: 700 }),
      { keepaliveIntervalSeconds: 0.2 },
    );
    const response = await post('/v1/messages', message('hello'));
    expect(response.status).toBe(200);
    const text = await response.text();
    const pings = text.split('event: ping').length - 1;
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(text.indexOf('event: ping')).toBeLessThan(text.indexOf('event: message_start'));
    const startEvent = /event: message_start\ndata: (.*)\n/.exec(text)![1]!;
    expect(JSON.parse(startEvent).message.usage.input_tokens).toBeGreaterThan(0);
    expect(text.trimEnd().endsWith('data: {"type":"message_stop"}')).toBe(true);
  });

  it('holds headers: a failure before the first event is an HTTP error in the caller’s shape', async () => {
    const backend = scriptedBackend({
      events: () => textAnswer('never'),
      fail: new InvalidRequestError({
        message: 'prompt is too long: 300000 tokens > 200000 maximum',
      }),
    });
    const { post } = await start(backend);
    const anthropic = await post('/v1/messages', message('x'));
    expect(anthropic.status).toBe(400);
    expect(await anthropic.json()).toMatchObject({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('prompt is too long'),
      },
    });
    const openai = await post('/v1/chat/completions', {
      model: 'claude-sonnet-4-6',
      stream: true,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(openai.status).toBe(400);
    expect(await openai.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('records every request off the hot path, with tokens, and counts it in metrics', async () => {
    const { app, post } = await start(scriptedBackend({ events: () => textAnswer('ok') }));
    await (await post('/v1/messages', message('count me', false))).json();
    await app.core.storage.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await app.core.storage.flush();
    const logs = await app.core.storage.requestLogs.list({});
    expect(logs.items[0]).toMatchObject({
      route: '/v1/messages',
      status: 200,
      modelRequested: 'claude-sonnet-4-6',
      modelSent: 'claude-sonnet-4.6',
      stream: false,
      inputTokens: 1234,
      outputTokens: 3,
      credits: 0.5,
      attempts: 1,
    });
    const metrics = await (await app.app.request('/metrics')).text();
    expect(metrics).toMatch(
      /octoproxy_requests_total\{route="\/v1\/messages",model="claude-sonnet-4.6",status="200"\} 1/,
    );
  });

  it('logs requests rejected before reaching the upstream too', async () => {
    const { app, post } = await start(scriptedBackend({ events: () => textAnswer('ok') }));
    const response = await post('/v1/chat/completions', {
      model: 'claude-sonnet-4-6',
      messages: 'x',
    });
    expect(response.status).toBe(400);
    await app.core.storage.flush();
    const logs = await app.core.storage.requestLogs.list({ outcome: 'error' });
    expect(logs.items[0]).toMatchObject({
      route: '/v1/chat/completions',
      status: 400,
      errorClass: 'invalid_request',
      attempts: 0,
    });
  });

  it('logs request and response shapes without content when debug is on', async () => {
    const { app, post } = await start(
      scriptedBackend({ events: () => textAnswer('secret-answer') }),
      {
        debug: true,
      },
    );
    await (await post('/v1/messages', message('secret-question-canary', false))).json();
    const text = app.logs.text();
    expect(text).toContain('request shape');
    expect(text).toContain('response shape');
    expect(text).toContain('user:text');
    expect(text).not.toContain('secret-question-canary');
    expect(text).not.toContain('secret-answer');
  });

  it('calibrates token estimates per model from the upstream’s counts', async () => {
    const { app, post } = await start(scriptedBackend({ events: () => textAnswer('ok') }));
    const before = app.calibration.ratio('claude-sonnet-4.6');
    // The fit needs prompts of clearly different sizes (its rule ignores a fixed overhead).
    const sentence = 'The quick brown fox jumps over the lazy dog. ';
    for (const repeats of [10, 400, 800])
      await (await post('/v1/messages', message(sentence.repeat(repeats), false))).json();
    expect(app.calibration.samples('claude-sonnet-4.6')).toBe(3);
    const after = app.calibration.ratio('claude-sonnet-4.6');
    expect(after).not.toBe(before);
    expect(Math.abs(after / before - 1)).toBeLessThanOrEqual(0.1);
  });
});
