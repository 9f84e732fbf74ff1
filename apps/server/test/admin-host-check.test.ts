import { networkInterfaces } from 'node:os';

import { afterEach, describe, expect, it } from 'vitest';

import type { ServerConfigPatch } from '../src/config/config-schema';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';
import { openTestApp } from './helpers/test-server';

const password = 'host-check-password';
const opened: Awaited<ReturnType<typeof openTestApp>>[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function start(config: ServerConfigPatch = {}) {
  const app = await openTestApp({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('ok') })),
    env: { OCTOPROXY_ADMIN_PASSWORD: password },
    config,
  });
  opened.push(app);
  /** A login as a page on `origin` sends it: its own name in `Host` and `Origin`. */
  const login = (host: string, origin = `http://${host}`) =>
    app.app.request(`http://${host}/api/login`, {
      method: 'POST',
      headers: { host, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
  return { app, login };
}

describe('admin API host check (DNS rebinding)', () => {
  it('refuses a login from a rebound name, with the first password right', async () => {
    const { login } = await start();
    const response = await login('evil.example:9091');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { message: expect.stringContaining('evil.example'), code: 'host_not_allowed' },
    });
  });

  it('refuses any admin path under a foreign name, also without an Origin', async () => {
    const { app } = await start();
    const response = await app.app.request('http://evil.example/api/me', {
      headers: { host: 'evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it('answers loopback names and the listen address', async () => {
    const { login } = await start({ host: '127.0.0.1' });
    for (const host of ['localhost:9091', '127.0.0.1:9091', '[::1]:9091', 'localhost']) {
      expect((await login(host)).status, host).toBe(200);
    }
  });

  it('answers every interface address when it listens on all of them', async () => {
    const { login } = await start({ host: '0.0.0.0' });
    const address = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .find((entry) => entry.family === 'IPv4' && !entry.internal)?.address;
    if (address !== undefined) expect((await login(`${address}:9091`)).status).toBe(200);
    expect((await login('192.0.2.77:9091')).status).toBe(403);
  });

  it('answers the names in allowedHosts and the hosts of trustedOrigins', async () => {
    const { app, login } = await start({
      allowedHosts: ['octo.example.com'],
      trustedOrigins: ['https://admin.example.org'],
    });
    expect((await login('octo.example.com')).status).toBe(200);
    expect((await login('admin.example.org', 'https://admin.example.org')).status).toBe(200);
    expect((await login('other.example.com')).status).toBe(403);
    // The list is live: a name added through the settings is answered at once.
    await app.core.settings.update({ allowedHosts: ['octo.example.com', 'other.example.com'] });
    expect((await login('other.example.com')).status).toBe(200);
  });

  it('leaves the proxy API to its API keys', async () => {
    const { app } = await start();
    const response = await app.app.request('http://evil.example/v1/models', {
      headers: { host: 'evil.example' },
    });
    expect(response.status).toBe(401);
  });
});
