import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import { LiveSettings, MemorySettingsStore } from '../src/config/live-settings';
import { createApp } from '../src/create-app';
import type { AppEnv } from '../src/http/app-env';
import { readJsonBody } from '../src/http/read-json-body';
import { GatewayMetrics } from '../src/metrics/gateway-metrics';
import { captureLogs } from './helpers/log-capture';

async function buildApp(options: { webDistDir?: string; bodyLimitMb?: number } = {}) {
  const settings = await LiveSettings.open({
    file: options.bodyLimitMb === undefined ? {} : { bodyLimitMb: options.bodyLimitMb },
    env: {},
    store: new MemorySettingsStore(),
  });
  const logs = captureLogs();
  const echo = new Hono<AppEnv>()
    .post('/v1/messages', async (c) => c.json(await readJsonBody(c)))
    .post('/v1/chat/completions', async (c) => c.json(await readJsonBody(c)))
    .post('/api/echo', async (c) => c.json(await readJsonBody(c)))
    .get('/v1/boom', () => {
      throw new Error('secret internal detail');
    });
  const app = createApp({
    settings,
    logger: logs.logger,
    metrics: new GatewayMetrics({ processMetrics: false }),
    webDistDir: options.webDistDir,
    health: () => ({ accounts: { available: 1, total: 2 } }),
    routes: [echo],
  });
  return { app, logs, settings };
}

describe('errors in the caller’s shape', () => {
  it('answers unknown routes with a 404 per protocol', async () => {
    const { app } = await buildApp();
    const anthropic = await app.request('/v1/messages/nope', { method: 'POST' });
    expect(anthropic.status).toBe(404);
    expect(await anthropic.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error' },
      request_id: anthropic.headers.get('request-id'),
    });
    const openai = await app.request('/v1/nothing');
    expect(await openai.json()).toMatchObject({
      error: { type: 'not_found_error', code: 'not_found' },
    });
    const anthropicModels = await app.request('/v1/nothing', {
      headers: { 'anthropic-version': '2023-06-01' },
    });
    expect(await anthropicModels.json()).toMatchObject({ type: 'error' });
    const admin = await app.request('/api/nothing');
    expect(admin.status).toBe(404);
    expect(await admin.json()).toEqual({
      error: { message: 'No route for GET /api/nothing.', code: 'not_found' },
    });
  });

  it('rejects malformed JSON with a 400 in each shape', async () => {
    const { app } = await buildApp();
    const post = (path: string, body: string) =>
      app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const anthropic = await post('/v1/messages', '{"model":');
    expect(anthropic.status).toBe(400);
    expect(anthropic.headers.get('x-should-retry')).toBe('false');
    expect(await anthropic.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const openai = await post('/v1/chat/completions', '[1,2]');
    expect(openai.status).toBe(400);
    expect(await openai.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_json' },
    });
    const admin = await post('/api/echo', '');
    expect(await admin.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('enforces the body limit with a 413 in the caller’s shape, live', async () => {
    const { app, settings } = await buildApp({ bodyLimitMb: 0.001 });
    const body = JSON.stringify({ text: 'x'.repeat(2000) });
    const tooLarge = await app.request('/v1/messages', { method: 'POST', body });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { type: 'request_too_large' } });
    await settings.update({ bodyLimitMb: 1 });
    expect((await app.request('/v1/messages', { method: 'POST', body })).status).toBe(200);
  });

  it('hides internal errors and logs them', async () => {
    const { app, logs } = await buildApp();
    const response = await app.request('/v1/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internal detail');
    expect(JSON.parse(text)).toMatchObject({ error: { type: 'server_error' } });
    expect(logs.text()).toContain('secret internal detail');
  });
});

describe('request ids and logs', () => {
  it('returns a request id in both headers and never logs credentials', async () => {
    const { app, logs } = await buildApp();
    const response = await app.request('/health', {
      headers: { authorization: 'Bearer sk-canary-123', 'x-api-key': 'sk-canary-456' },
    });
    const id = response.headers.get('request-id');
    expect(id).toMatch(/^req_[0-9a-f]{24}$/);
    expect(response.headers.get('x-request-id')).toBe(id);
    expect(logs.lines().some((line) => line.requestId === id)).toBe(true);
    expect(logs.text()).not.toContain('canary');
  });

  it('redacts secret fields at any logged depth', () => {
    const logs = captureLogs();
    logs.logger.info(
      {
        headers: { authorization: 'Bearer canary', cookie: 'sid=canary' },
        body: { password: 'canary' },
      },
      'shape',
    );
    expect(logs.text()).not.toContain('canary');
    expect(logs.text()).toContain('[redacted]');
  });
});

describe('health, metrics and the SPA', () => {
  it('serves /health without auth', async () => {
    const { app } = await buildApp();
    const response = await app.request('/health');
    expect(await response.json()).toMatchObject({
      status: 'ok',
      accounts: { available: 1, total: 2 },
    });
  });

  it('serves Prometheus metrics', async () => {
    const { app } = await buildApp();
    const response = await app.request('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('# TYPE octoproxy_requests_total counter');
    expect(text).toContain('octoproxy_first_byte_seconds');
  });

  it('says plainly when the SPA is not built', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'octoproxy-web-'));
    const { app } = await buildApp({ webDistDir: dir });
    const response = await app.request('/');
    expect(await response.text()).toContain('admin web app is not built');
  });

  it('serves files, falls back to index.html for client routes, keeps /api 404s JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'octoproxy-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<div id="root">spa</div>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const { app } = await buildApp({ webDistDir: dir });
    expect(await (await app.request('/')).text()).toContain('spa');
    expect(await (await app.request('/providers/12')).text()).toContain('spa');
    const asset = await app.request('/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('javascript');
    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
