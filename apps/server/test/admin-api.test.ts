import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { adminOpenApiDocument } from '../src/routes/admin/openapi-document';
import { databaseFileName } from '../src/runtime/open-core';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';
import {
  adminClient as client,
  loginAs,
  type AdminClient,
  type Json,
} from './helpers/admin-client';
import { openTestApp } from './helpers/test-server';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function start(env: Record<string, string> = { OCTOPROXY_ADMIN_PASSWORD: 'first-admin-pw' }) {
  const app = await openTestApp({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('hi') })),
    env,
  });
  opened.push(app);
  return app;
}

async function login(app: TestApp, username: string, password: string) {
  return (await loginAs(app, username, password)).api;
}

/** Creates a user who then replaces the admin-given password at the first login, as they must. */
async function addUser(app: TestApp, admin: AdminClient, username: string, password: string) {
  const given = `${password}-from-admin`;
  const created = await admin.post('/api/users', { username, password: given });
  expect(created.status).toBe(201);
  const first = await login(app, username, given);
  const changed = await first.post('/api/me/password', {
    currentPassword: given,
    newPassword: password,
  });
  expect(changed.status).toBe(200);
  return created;
}

describe('admin API', () => {
  it('logs in with the configured first password, sets an HttpOnly cookie, answers /me', async () => {
    const app = await start();
    const response = await app.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'first-admin-pw' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({
      mustChangePassword: false,
      user: { username: 'admin', role: 'admin' },
    });
    const me = await client(app, body.token).get('/api/me');
    expect(me.body.user.username).toBe('admin');
    const wrong = await client(app).post('/api/login', {
      username: 'admin',
      password: 'nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: { message: expect.any(String), code: 'invalid_credentials' },
    });
  });

  it('forces a password change first when the default password was used', async () => {
    const app = await start({});
    const result = await client(app).post('/api/login', {
      username: 'admin',
      password: 'admin123',
    });
    expect(result.body.mustChangePassword).toBe(true);
    const admin = client(app, result.body.token);
    expect((await admin.get('/api/users')).body.error.code).toBe('password_change_required');
    const changed = await admin.post('/api/me/password', {
      currentPassword: 'admin123',
      newPassword: 'a-much-better-password',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    expect((await client(app, changed.body.token).get('/api/users')).status).toBe(200);
    expect((await admin.get('/api/me')).status).toBe(401);
  });

  it('refuses cross-site cookie requests and unauthenticated calls', async () => {
    const app = await start();
    expect((await client(app).get('/api/providers')).status).toBe(401);
    const logged = await app.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'first-admin-pw' }),
    });
    const cookie = (logged.headers.get('set-cookie') ?? '').split(';')[0]!;
    const forged = await app.app.request('http://localhost/api/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ name: 'stolen' }),
    });
    expect(forged.status).toBe(403);
    const sameSite = await app.app.request('http://localhost/api/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'http://localhost' },
      body: JSON.stringify({ name: 'mine' }),
    });
    expect(sameSite.status).toBe(201);
  });

  it('shows an API key once and scopes keys to their owner', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    await addUser(app, admin, 'bob', 'bob-password-1');
    const bob = await login(app, 'bob', 'bob-password-1');
    const bobKey = await bob.post('/api/api-keys', { name: 'bob key' });
    expect(bobKey.status).toBe(201);
    expect(bobKey.body.apiKey.key).toMatch(/^sk-octo-/);
    const adminKey = await admin.post('/api/api-keys', { name: 'admin key' });
    const bobList = await bob.get('/api/api-keys');
    expect(bobList.body.apiKeys.map((key: { name: string }) => key.name)).toEqual(['bob key']);
    expect(JSON.stringify(bobList.body)).not.toContain(bobKey.body.apiKey.key);
    expect(bobList.body.apiKeys[0].keyPrefix).toMatch(/^sk-octo-….{4}$/);
    expect((await bob.get(`/api/api-keys/${adminKey.body.apiKey.id}`)).status).toBe(404);
    expect((await bob.delete(`/api/api-keys/${adminKey.body.apiKey.id}`)).status).toBe(404);
    expect((await admin.get('/api/api-keys')).body.total).toBe(2);
    expect((await bob.get('/api/users')).status).toBe(403);
    const edited = await bob.put(`/api/api-keys/${bobKey.body.apiKey.id}`, { isActive: false });
    expect(edited.body.apiKey.isActive).toBe(false);
  });

  it('imports Kiro token files as providers and never returns credentials', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    const tokenFile = {
      accessToken: 'aoa-canary-access',
      refreshToken: 'aor-canary-refresh',
      expiresAt: '2030-01-01T00:00:00Z',
      authMethod: 'social',
      provider: 'Github',
      profileArn: 'arn:aws:codewhisperer:us-east-1:123456789012:profile/ABC',
    };
    const created = await admin.post('/api/providers', {
      name: 'main',
      credentials: JSON.stringify(tokenFile),
    });
    expect(created.status).toBe(201);
    expect(created.body.provider).toMatchObject({
      name: 'main',
      authMethod: 'social',
      provider: 'Github',
    });
    const imported = await admin.post('/api/providers/import', {
      tokens: [
        {
          ...tokenFile,
          refreshToken: 'aor-second',
          authMethod: 'IdC',
          clientId: 'c',
          clientSecret: 's',
        },
      ],
    });
    expect(imported.body.providers[0].authMethod).toBe('idc');
    const list = await admin.get('/api/providers');
    expect(list.body.providers).toHaveLength(2);
    expect(JSON.stringify(list.body)).not.toMatch(/canary|aor-second|clientSecret/);
    const bad = await admin.post('/api/providers', { credentials: { accessToken: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('refreshToken');
    const id = created.body.provider.id as string;
    const edited = await admin.put(`/api/providers/${id}`, { isDisabled: true, weight: 3 });
    expect(edited.body.provider).toMatchObject({ isDisabled: true, weight: 3 });
    expect((await admin.delete(`/api/providers/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/providers/${id}`)).status).toBe(404);
  });

  it('reads and changes the configuration live, naming a bad key', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    const before = await admin.get('/api/config');
    expect(before.body.config.port).toBe(9091);
    expect(before.body.defaults).toMatchObject({ port: 9091, providerStrategy: 'lru' });
    const changed = await admin.put('/api/config', { providerStrategy: 'round_robin', port: 9999 });
    expect(changed.status).toBe(200);
    expect(changed.body.restartRequired).toEqual(['port']);
    expect(app.core.settings.current.providerStrategy).toBe('round_robin');
    const bad = await admin.put('/api/config', { keepaliveIntervalSeconds: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('keepaliveIntervalSeconds');
    const unknown = await admin.put('/api/config', { retrys: 1 });
    expect(unknown.body.error.message).toContain('"retrys": unknown setting');
    expect((await admin.put('/api/config', { adminPassword: 'retired key' })).status).toBe(200);
  });

  it('serves logs, usage, stats and the OpenAPI document', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    expect((await admin.get('/api/logs?limit=10&outcome=error')).body).toMatchObject({
      logs: [],
      total: 0,
    });
    expect((await admin.get('/api/usage')).status).toBe(200);
    const stats = await admin.get('/api/stats');
    expect(stats.body.users.total).toBe(1);
    const doc = await client(app).get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/login',
        '/providers',
        '/providers/{id}/health-check',
        '/api-keys',
        '/config',
        '/logs',
      ]),
    );
    expect(doc.body).toEqual(adminOpenApiDocument());
    const schemas = doc.body.components.schemas;
    expect(schemas.ServerConfig.properties.providerStrategy).toMatchObject({
      enum: ['lru', 'round_robin', 'least_usage', 'most_usage', 'oldest_first', 'weighted'],
      description: expect.any(String),
    });
    expect(schemas.ServerConfig.properties.logLevel.enum).toContain('silent');
    expect(schemas.ServerConfigPatch.required).toBeUndefined();
    expect(Object.keys(schemas.ServerConfigPatch.properties)).toEqual(
      Object.keys(schemas.ServerConfig.properties),
    );
    expect(schemas.ConfigState.properties.defaults).toEqual({
      $ref: '#/components/schemas/ServerConfig',
    });
    expect(doc.body.paths['/config'].put.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ServerConfigPatch',
    });
    expect(schemas.Stats.required).toEqual(['apiKeys', 'series']);
    expect(doc.body.paths['/models'].get).toBeDefined();
    expect((await client(app).get('/api/nothing-here')).body.error.code).toBe('not_found');
  });

  it('makes a user choose a new password after an admin set it, unless told otherwise', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    const created = await addUser(app, admin, 'bob', 'bob-password-1');
    const id = created.body.user.id as string;

    const reset = await admin.put(`/api/users/${id}`, { password: 'reset-by-admin-2' });
    expect(reset.body.user.mustChangePassword).toBe(true);
    const bobLogin = await client(app).post('/api/login', {
      username: 'bob',
      password: 'reset-by-admin-2',
    });
    expect(bobLogin.body.mustChangePassword).toBe(true);
    const bob = client(app, bobLogin.body.token);
    expect((await bob.get('/api/api-keys')).body.error.code).toBe('password_change_required');

    const kept = await admin.put(`/api/users/${id}`, {
      password: 'reset-by-admin-3',
      mustChangePassword: false,
    });
    expect(kept.body.user.mustChangePassword).toBe(false);
    expect(
      (await admin.put(`/api/users/${id}`, { mustChangePassword: true })).body.user,
    ).toMatchObject({ mustChangePassword: true });
    expect((await admin.get(`/api/users/${id}`)).body.user.mustChangePassword).toBe(true);

    // An admin's own new password is their own choice (the change ends their sessions too).
    const me = (await admin.get('/api/me')).body.user.id as string;
    expect(
      (
        await admin.put(`/api/users/${me}`, {
          password: 'admin-new-pw-4',
          currentPassword: 'first-admin-pw',
        })
      ).body.user,
    ).toMatchObject({ mustChangePassword: false });
    const again = await client(app).post('/api/login', {
      username: 'admin',
      password: 'admin-new-pw-4',
    });
    expect(again.body.mustChangePassword).toBe(false);
  });

  it('lists the served models to any logged-in user, as /v1/models does', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    expect((await client(app).get('/api/models')).status).toBe(401);
    await admin.put('/api/config', { modelAliases: { 'gpt-4o': 'claude-sonnet-4.5', 'x-*': 'y' } });
    await addUser(app, admin, 'bob', 'bob-password-1');
    const bob = await login(app, 'bob', 'bob-password-1');
    const key = (await bob.post('/api/api-keys', { name: 'k' })).body.apiKey.key as string;
    const listed = await bob.get('/api/models');
    expect(listed.status).toBe(200);
    const v1 = (await (
      await app.app.request('/v1/models', { headers: { 'x-api-key': key } })
    ).json()) as Json;
    expect(listed.body.models.map((model: { id: string }) => model.id)).toEqual(
      v1.data.map((model: { id: string }) => model.id),
    );
    expect(listed.body.models).toContainEqual({
      id: 'gpt-4o',
      displayName: 'Claude Sonnet 4.5',
      contextWindow: expect.any(Number),
      maxOutputTokens: expect.any(Number),
    });
    expect(listed.body.models.map((model: { id: string }) => model.id)).not.toContain('x-*');
  });

  it('scopes /api/stats to the caller’s own keys for non-admins', async () => {
    const app = await start();
    const admin = await login(app, 'admin', 'first-admin-pw');
    await addUser(app, admin, 'bob', 'bob-password-1');
    const bob = await login(app, 'bob', 'bob-password-1');
    const bobKey = (await bob.post('/api/api-keys', { name: 'bob' })).body.apiKey.key as string;
    const adminKey = (await admin.post('/api/api-keys', { name: 'admin' })).body.apiKey
      .key as string;
    const ask = (key: string) =>
      app.app.request('/v1/messages', {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'claude-sonnet-4.5',
          max_tokens: 16,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
    for (const key of [bobKey, adminKey, adminKey]) expect((await ask(key)).status).toBe(200);
    const requests = (series: { requests: number }[]) =>
      series.reduce((sum, point) => sum + point.requests, 0);

    const mine = await bob.get('/api/stats');
    expect(mine.status).toBe(200);
    expect(mine.body).not.toHaveProperty('users');
    expect(mine.body).not.toHaveProperty('providers');
    expect(mine.body.apiKeys).toMatchObject({ total: 1, totalRequests: 1 });
    expect(requests(mine.body.series)).toBe(1);

    const all = await admin.get('/api/stats?groupBy=user');
    expect(all.body).toMatchObject({ users: { total: 2 }, providers: { total: 0 } });
    expect(all.body.apiKeys).toMatchObject({ total: 2, totalRequests: 3 });
    expect(requests(all.body.series)).toBe(3);
    expect(new Set(all.body.series.map((point: { group: string }) => point.group)).size).toBe(2);
  });

  it('keeps no secret in clear in the database file', async () => {
    const app = await start({ OCTOPROXY_ADMIN_PASSWORD: 'canary-admin-password' });
    const admin = await login(app, 'admin', 'canary-admin-password');
    const key = (await admin.post('/api/api-keys', { name: 'k' })).body.apiKey.key as string;
    await admin.post('/api/providers', {
      credentials: {
        refreshToken: 'aor-canary-refresh-token-42',
        accessToken: 'aoa-canary-access-token-42',
      },
    });
    await app.core.storage.flush();
    const bytes = await readFile(join(app.dataDir, databaseFileName));
    let wal = Buffer.alloc(0);
    try {
      wal = await readFile(join(app.dataDir, `${databaseFileName}-wal`));
    } catch {
      // no WAL file: everything is in the main file
    }
    for (const secret of [
      'canary-admin-password',
      key,
      'aor-canary-refresh-token-42',
      'aoa-canary-access-token-42',
    ]) {
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(wal.includes(Buffer.from(secret))).toBe(false);
    }
    expect(bytes.length + wal.length).toBeGreaterThan(4096);
  });
});
