// Attacks on accounts and keys through the admin API, as a non-admin user or with odd input.
import { afterEach, describe, expect, it } from 'vitest';

import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';
import { loginAs, type AdminClient, type Json } from './helpers/admin-client';
import { openTestApp } from './helpers/test-server';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

const adminPassword = 'Correct-Horse-Battery-9';

async function start() {
  const app = await openTestApp({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('hi') })),
    env: { OCTOPROXY_ADMIN_PASSWORD: adminPassword },
  });
  opened.push(app);
  return app;
}

/** An admin-made user who has replaced the admin's password at the first login, as they must. */
async function addUser(app: TestApp, admin: AdminClient, username: string) {
  const created = await admin.post('/api/users', {
    username,
    password: 'Given-By-Admin-0451',
  });
  expect(created.status).toBe(201);
  const first = await loginAs(app, username, 'Given-By-Admin-0451');
  expect(first.body.mustChangePassword).toBe(true);
  const changed = await first.api.post('/api/me/password', {
    currentPassword: 'Given-By-Admin-0451',
    newPassword: 'Own-Choice-Walrus-77',
  });
  expect(changed.status).toBe(200);
  return {
    id: created.body.user.id as string,
    api: (await loginAs(app, username, 'Own-Choice-Walrus-77')).api,
  };
}

describe('API key limits belong to the admin', () => {
  it('refuses a user clearing the limits an admin set on their key', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    const bob = await addUser(app, admin, 'bob');
    const key = await admin.post('/api/api-keys', {
      userId: bob.id,
      name: 'limited',
      dailyLimit: 10,
      rateLimitPerMinute: 2,
      allowedModels: ['claude-haiku-*'],
    });
    expect(key.status).toBe(201);
    const id = key.body.apiKey.id as string;
    for (const attempt of [
      { dailyLimit: null },
      { rateLimitPerMinute: null },
      { allowedModels: null },
      { dailyLimit: 1_000_000 },
      { expiresAt: null },
      { userId: 'someone-else' },
    ]) {
      const edited = await bob.api.put(`/api/api-keys/${id}`, attempt);
      expect(edited.status, JSON.stringify(attempt)).toBe(403);
      expect(edited.body.error.message).toMatch(/Only an admin/);
    }
    const after = (await bob.api.get(`/api/api-keys/${id}`)).body.apiKey;
    expect(after).toMatchObject({
      dailyLimit: 10,
      rateLimitPerMinute: 2,
      allowedModels: ['claude-haiku-*'],
    });
    // What a user may do with their key: rename and disable it.
    const renamed = await bob.api.put(`/api/api-keys/${id}`, { name: 'mine', isActive: false });
    expect(renamed.status).toBe(200);
    expect(renamed.body.apiKey).toMatchObject({ name: 'mine', isActive: false, dailyLimit: 10 });
  });

  it('gives a user’s own keys the admin’s policy and caps how many they hold', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    const bob = await addUser(app, admin, 'bob');
    const policy = { maxKeys: 2, dailyLimit: 50, rateLimitPerMinute: 5, allowedModels: ['a-*'] };
    expect((await admin.put('/api/config', { userKeyPolicy: policy })).status).toBe(200);
    expect((await bob.api.get('/api/api-keys/policy')).body.policy).toEqual(policy);

    const unlimited = await bob.api.post('/api/api-keys', { name: 'x', dailyLimit: null });
    expect(unlimited.status).toBe(403);
    const first = await bob.api.post('/api/api-keys', { name: 'one' });
    expect(first.status).toBe(201);
    expect(first.body.apiKey).toMatchObject({
      dailyLimit: 50,
      rateLimitPerMinute: 5,
      allowedModels: ['a-*'],
    });
    expect((await bob.api.post('/api/api-keys', { name: 'two' })).status).toBe(201);
    const third = await bob.api.post('/api/api-keys', { name: 'three' });
    expect(third.status).toBe(403);
    expect(third.body.error.message).toMatch(/most this server allows \(2\)/);
    // The admin is not bound by the user policy.
    const forBob = await admin.post('/api/api-keys', { userId: bob.id, name: 'extra' });
    expect(forBob.status).toBe(201);
    expect(forBob.body.apiKey.dailyLimit).toBeNull();
  });

  it('answers a key for a user that does not exist with 400', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    const created = await admin.post('/api/api-keys', { userId: 'no-such-user' });
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({ code: 'unknown_user' });
    const key = (await admin.post('/api/api-keys', { name: 'k' })).body.apiKey.id as string;
    const moved = await admin.put(`/api/api-keys/${key}`, { userId: 'no-such-user' });
    expect(moved.status).toBe(400);
  });
});

describe('users and passwords', () => {
  it('makes an admin-created user choose a new password at the first login', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    const created = await admin.post('/api/users', {
      username: 'carol',
      password: 'Given-By-Admin-0451',
      mustChangePassword: false,
    });
    expect(created.body.user.mustChangePassword).toBe(true);
    const carol = await loginAs(app, 'carol', 'Given-By-Admin-0451');
    expect(carol.body.mustChangePassword).toBe(true);
    expect((await carol.api.get('/api/api-keys')).body.error.code).toBe('password_change_required');
  });

  it('requires an admin’s current password to change their own through PUT /api/users/:self', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    const me = (await admin.get('/api/me')).body.user.id as string;
    const without = await admin.put(`/api/users/${me}`, { password: 'Stolen-Session-Pw-1' });
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('current_password_required');
    const wrong = await admin.put(`/api/users/${me}`, {
      password: 'Stolen-Session-Pw-1',
      currentPassword: 'not-the-password',
      username: 'renamed',
    });
    expect(wrong.status).toBe(401);
    // Nothing changed: the old password still works and the name is the same.
    const again = await loginAs(app, 'admin', adminPassword);
    expect(again.body.user.username).toBe('admin');
    const right = await again.api.put(`/api/users/${me}`, {
      password: 'Fresh-Admin-Pw-2026!',
      currentPassword: adminPassword,
    });
    expect(right.status).toBe(200);
    await loginAs(app, 'admin', 'Fresh-Admin-Pw-2026!');
  });

  it('refuses guessable passwords and says why', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    for (const password of ['aaaaaaaa', 'password1']) {
      const created = await admin.post('/api/users', { username: 'dave', password });
      expect(created.status).toBe(400);
      expect(created.body.error.code).toBe('weak_password');
      expect(created.body.error.message).toMatch(/too easy to guess: it (repeats|is a common)/);
    }
    const user = await admin.post('/api/users', {
      username: 'dave',
      password: 'Given-By-Admin-0451',
    });
    const dave = await loginAs(app, 'dave', 'Given-By-Admin-0451');
    const weak = await dave.api.post('/api/me/password', {
      currentPassword: 'Given-By-Admin-0451',
      newPassword: 'dave12345',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('weak_password');
    expect(user.status).toBe(201);
  });

  it('keeps the last active admin an active admin', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    const me = (await admin.get('/api/me')).body.user.id as string;
    expect((await admin.put(`/api/users/${me}`, { role: 'user' })).status).toBe(400);
    expect((await admin.put(`/api/users/${me}`, { isActive: false })).status).toBe(400);
    expect((await admin.delete(`/api/users/${me}`)).status).toBe(400);
    expect((await admin.get('/api/me')).body.user).toMatchObject({ role: 'admin', isActive: true });
  });
});

describe('the session cookie', () => {
  it('is Secure over HTTPS, and behind a proxy that says so only when trustProxy is on', async () => {
    const app = await start();
    const cookieOf = async (url: string, headers: Record<string, string> = {}) => {
      const response = await app.app.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      });
      expect(response.status).toBe(200);
      return response.headers.get('set-cookie') ?? '';
    };
    const forwarded = { 'x-forwarded-proto': 'https' };
    expect(await cookieOf('http://localhost/api/login')).not.toMatch(/Secure/);
    expect(await cookieOf('https://localhost/api/login')).toMatch(/^__Host-.*; Secure/);
    // Anyone can send the header: it counts only when the admin says a proxy sets it.
    expect(await cookieOf('http://localhost/api/login', forwarded)).not.toMatch(/Secure/);
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    expect((await admin.put('/api/config', { trustProxy: true })).status).toBe(200);
    expect(await cookieOf('http://localhost/api/login', forwarded)).toMatch(/^__Host-.*; Secure/);
    expect(await cookieOf('http://localhost/api/login')).not.toMatch(/Secure/);
  });
});

describe('odd input answers 4xx in the admin API’s shape', () => {
  it('answers a text/plain login body with 400', async () => {
    const app = await start();
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
      const response = await app.app.request('/api/login', {
        method: 'POST',
        headers,
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).error.code).toBe('unsupported_media_type');
    }
  });

  it('serves or refuses models named like Object.prototype members, never 500', async () => {
    const app = await start();
    const admin = (await loginAs(app, 'admin', adminPassword)).api;
    await admin.put('/api/config', { modelAliases: { 'gpt-4o': 'claude-sonnet-4.5' } });
    const keys = await Promise.all(
      [null, ['__proto__', 'constructor']].map(async (allowedModels) => {
        const created = await admin.post('/api/api-keys', { name: 'k', allowedModels });
        expect(created.status).toBe(201);
        return created.body.apiKey.key as string;
      }),
    );
    for (const key of keys) {
      for (const model of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        const openai = await app.app.request('/v1/chat/completions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
        });
        expect(openai.status, model).toBeLessThan(500);
        const anthropic = await app.app.request('/v1/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify({
            model,
            max_tokens: 8,
            messages: [{ role: 'user', content: 'hi' }],
          }),
        });
        expect(anthropic.status, model).toBeLessThan(500);
        if (anthropic.status >= 400) {
          expect(((await anthropic.json()) as Json).type).toBe('error');
        }
      }
    }
  });
});
