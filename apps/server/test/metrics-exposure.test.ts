import { afterEach, describe, expect, it } from 'vitest';

import type { ServerConfigPatch } from '../src/config/config-schema';
import { envConfigLayer } from '../src/config/live-settings';
import { readEnv } from '../src/env';
import { openAppWithApiKey, type TestApp } from './helpers/app-with-api-key';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function start(config: ServerConfigPatch = {}) {
  const { app, apiKey } = await openAppWithApiKey({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('ok') })),
    config,
  });
  opened.push(app);
  return { app, apiKey };
}

const metricsToken = 'scrape-token-0123456789';

describe('/metrics', () => {
  it('keeps one model label per served model: made-up names share "other"', async () => {
    const { app, apiKey } = await start();
    for (let index = 0; index < 60; index += 1) {
      const response = await app.app.request('/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          model: `made-up-model-${index}`,
          max_tokens: 10,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
      await response.arrayBuffer();
    }
    const text = await (await app.app.request('/metrics')).text();
    const labels = new Set(
      [...text.matchAll(/octoproxy_requests_total\{[^}]*model="([^"]*)"/g)].map((m) => m[1]),
    );
    expect(labels.size).toBeLessThanOrEqual(33);
    expect(labels).toContain('other');
  });

  it('labels only the models the accounts serve when their list is known', async () => {
    const { app, apiKey } = await start();
    app.metrics.knownModels = () => new Set(['claude-sonnet-4.5']);
    for (const model of ['claude-sonnet-4.5', 'anything-else']) {
      const response = await app.app.request('/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          model,
          max_tokens: 10,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
      await response.arrayBuffer();
    }
    const text = await (await app.app.request('/metrics')).text();
    expect(text).toMatch(/octoproxy_requests_total\{[^}]*model="claude-sonnet-4.5"/);
    expect(text).toMatch(/octoproxy_requests_total\{[^}]*model="other"/);
    expect(text).not.toContain('anything-else');
  });

  it('answers only the bearer of metricsToken when one is set', async () => {
    const { app } = await start({ metricsToken });
    expect((await app.app.request('/metrics')).status).toBe(401);
    const wrong = await app.app.request('/metrics', {
      headers: { authorization: 'Bearer scrape-token-0123456780' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid_metrics_token' } });
    const right = await app.app.request('/metrics', {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('octoproxy_requests_total');
  });

  it('takes the token from OCTOPROXY_METRICS_TOKEN too', () => {
    expect(envConfigLayer(readEnv({ OCTOPROXY_METRICS_TOKEN: metricsToken }))).toMatchObject({
      metricsToken,
    });
  });
});
