import { afterEach, describe, expect, it } from 'vitest';

import type { ServerConfigPatch } from '../src/config/config-schema';
import { openAppWithApiKey, type TestApp } from './helpers/app-with-api-key';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function start(config: ServerConfigPatch) {
  // Every answer takes a while, so requests sent together are in flight together.
  const backend = scriptedBackend({ events: () => textAnswer('ok'), firstEventDelayMs: 1_500 });
  const { app, apiKey } = await openAppWithApiKey({ upstream: scriptedUpstream(backend), config });
  opened.push(app);
  const ask = async (stream: boolean) => {
    const response = await app.app.request('/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({
        model: 'claude-sonnet-4-5',
        max_tokens: 10,
        stream,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    return { status: response.status, body: await response.text(), retry: response.headers };
  };
  return { ask };
}

describe('requests in flight per API key', () => {
  it('refuses a key its requests beyond apiKeyMaxConcurrency with a 429, streams included', async () => {
    const { ask } = await start({ apiKeyMaxConcurrency: 2, keepaliveIntervalSeconds: 60 });
    const answers = await Promise.all([ask(true), ask(false), ask(true), ask(false)]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.body).toContain('already has 2 requests in progress');
    expect(refused.retry.get('retry-after')).toBe('1');
  });

  it('frees the slot when a request ends', async () => {
    const { ask } = await start({ apiKeyMaxConcurrency: 1, keepaliveIntervalSeconds: 60 });
    expect((await ask(true)).status).toBe(200);
    expect((await ask(false)).status).toBe(200);
    const [first, second] = await Promise.all([ask(false), ask(false)]);
    expect([first.status, second.status].sort()).toEqual([200, 429]);
    expect((await ask(false)).status).toBe(200);
  });

  it('has no cap at 0', async () => {
    const { ask } = await start({ apiKeyMaxConcurrency: 0, keepaliveIntervalSeconds: 60 });
    const answers = await Promise.all([ask(false), ask(false), ask(false)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
  });
});
