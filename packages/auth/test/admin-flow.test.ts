// The whole auth surface wired the way apps/server wires it, driven through real Hono requests.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import {
  bootstrapAdmin,
  createApiKeyAuthenticator,
  createLoginService,
  createPasswordHasher,
  createSecretBox,
  createSessionService,
  generateSecretKey,
  mintApiKey,
  parseSecretKeyring,
  type AuthenticatedApiKey,
  type AuthenticatedUser,
  type SessionRecord,
} from '../src/index';
import {
  apiKeyAuth,
  createSessionCookie,
  csrfProtection,
  requirePasswordChanged,
  requireRole,
  sessionAuth,
} from '../src/hono/index';
import {
  InMemoryApiKeyStore,
  InMemorySessionStore,
  InMemoryUserStore,
  fakeClock,
  fastArgon2Parameters,
} from './in-memory-stores';
import { renderError } from './render-error';

interface AppEnv {
  Variables: { user: AuthenticatedUser; session: SessionRecord; apiKey: AuthenticatedApiKey };
}

async function buildServer(adminPassword?: string) {
  const clock = fakeClock();
  const users = new InMemoryUserStore();
  const sessionStore = new InMemorySessionStore();
  const keyStore = new InMemoryApiKeyStore();
  const accountSecrets = new Map<string, string>();
  const hasher = createPasswordHasher({ parameters: fastArgon2Parameters });
  const sessions = createSessionService({ sessions: sessionStore, users, now: clock.now });
  const login = createLoginService({ users, sessions, hasher });
  const box = createSecretBox(parseSecretKeyring(generateSecretKey()));
  const cookie = createSessionCookie({ secure: false });
  const bootstrap = await bootstrapAdmin({ users, hasher, configuredPassword: adminPassword });

  const app = new Hono<AppEnv>();
  app.onError(renderError);

  app.use('/api/*', csrfProtection());
  app.post('/api/auth/login', async (c) => {
    const body = await c.req.json<{ username: string; password: string }>();
    const result = await login.login({ ...body, ip: c.req.header('x-test-ip') });
    cookie.set(c, result);
    return c.json({ user: result.user, token: result.token });
  });
  const session = sessionAuth({ sessions, cookie });
  app.post('/api/auth/logout', session, async (c) => {
    await sessions.revoke(cookie.read(c) ?? '');
    cookie.clear(c);
    return c.body(null, 204);
  });
  app.post('/api/auth/password', session, async (c) => {
    const body = await c.req.json<{ currentPassword: string; newPassword: string }>();
    const result = await login.changePassword({ userId: c.get('user').id, ...body });
    cookie.set(c, result);
    return c.json({ user: result.user });
  });
  app.use('/api/admin/*', session, requirePasswordChanged(), requireRole('admin'));
  app.post('/api/admin/keys', (c) => {
    const minted = mintApiKey();
    keyStore.add({ keyHash: minted.keyHash, ownerId: c.get('user').id, name: 'cli' });
    return c.json({ key: minted.key, display: minted.display }, 201);
  });
  app.post('/api/admin/accounts/:id/credentials', async (c) => {
    const id = c.req.param('id');
    accountSecrets.set(id, box.seal(await c.req.text(), `account:${id}:credentials`));
    return c.body(null, 204);
  });

  const authenticator = createApiKeyAuthenticator({ keys: keyStore, now: clock.now });
  app.use('/v1/*', apiKeyAuth({ authenticator }));
  app.post('/v1/messages', (c) => c.json({ keyName: c.get('apiKey').name }));

  const sameOrigin = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { ...sameOrigin, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  return { app, post, bootstrap, users, sessionStore, keyStore, accountSecrets, clock };
}

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}

describe('admin flow', () => {
  it('first start with the default password: log in, forced change, then full access', async () => {
    const server = await buildServer();
    expect(server.bootstrap).toMatchObject({ created: true, usedDefaultPassword: true });

    const loggedIn = await server.post('/api/auth/login', {
      username: 'admin',
      password: 'admin123',
    });
    expect(loggedIn.status).toBe(200);
    expect(await loggedIn.json()).toMatchObject({ user: { mustChangePassword: true } });
    const firstCookie = cookieOf(loggedIn);

    const blocked = await server.post('/api/admin/keys', {}, { cookie: firstCookie });
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ error: { code: 'password_change_required' } });

    const changed = await server.post(
      '/api/auth/password',
      { currentPassword: 'admin123', newPassword: 'a proper admin passphrase' },
      { cookie: firstCookie },
    );
    expect(changed.status).toBe(200);
    const secondCookie = cookieOf(changed);
    expect(secondCookie).not.toBe(firstCookie);

    // The session that changed the password was replaced too.
    expect((await server.post('/api/admin/keys', {}, { cookie: firstCookie })).status).toBe(401);
    const minted = await server.post('/api/admin/keys', {}, { cookie: secondCookie });
    expect(minted.status).toBe(201);
    const { key } = (await minted.json()) as { key: string };

    const proxied = await server.app.request('/v1/messages', {
      method: 'POST',
      headers: { 'x-api-key': key },
    });
    expect(await proxied.json()).toEqual({ keyName: 'cli' });

    const logout = await server.post('/api/auth/logout', {}, { cookie: secondCookie });
    expect(logout.status).toBe(204);
    expect((await server.post('/api/admin/keys', {}, { cookie: secondCookie })).status).toBe(401);
  });

  it('a configured admin password needs no change, and later starts create nothing', async () => {
    const server = await buildServer('configured by the operator');
    const loggedIn = await server.post('/api/auth/login', {
      username: 'admin',
      password: 'configured by the operator',
    });
    const cookie = cookieOf(loggedIn);
    expect((await server.post('/api/admin/keys', {}, { cookie })).status).toBe(201);
    expect(
      (await server.post('/api/auth/login', { username: 'admin', password: 'admin123' })).status,
    ).toBe(401);
  });

  it('refuses a cross-site request that rides on the admin cookie', async () => {
    const server = await buildServer('configured by the operator');
    const cookie = cookieOf(
      await server.post('/api/auth/login', {
        username: 'admin',
        password: 'configured by the operator',
      }),
    );
    const forged = await server.post(
      '/api/admin/keys',
      {},
      { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    expect(server.keyStore.rows.size).toBe(0);
  });

  it('locks out a guessed password with 429 and Retry-After', async () => {
    const server = await buildServer('configured by the operator');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await server.post('/api/auth/login', { username: 'admin', password: `guess-${attempt}` }))
          .status,
      ).toBe(401);
    }
    const locked = await server.post('/api/auth/login', {
      username: 'admin',
      password: 'configured by the operator',
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('1');
    expect(await locked.json()).toMatchObject({ error: { code: 'login_throttled' } });
  });

  it('hands the stores no plaintext password, session token, API key or upstream token', async () => {
    const password = 'configured by the operator';
    const server = await buildServer(password);
    const loggedIn = await server.post('/api/auth/login', { username: 'admin', password });
    const { token } = (await loggedIn.json()) as { token: string };
    const cookie = cookieOf(loggedIn);
    const minted = await server.post('/api/admin/keys', {}, { cookie });
    const { key } = (await minted.json()) as { key: string };
    const refreshToken = 'aor-REFRESH-TOKEN-canary-5f1c9e';
    await server.post('/api/admin/accounts/7/credentials', JSON.stringify({ refreshToken }), {
      cookie,
    });

    const atRest = JSON.stringify({
      users: [...server.users.rows.values()],
      sessions: [...server.sessionStore.rows.values()],
      keys: [...server.keyStore.rows.values()],
      accounts: [...server.accountSecrets.entries()],
    });
    for (const secret of [password, token, key, key.slice(8), refreshToken]) {
      expect(atRest).not.toContain(secret);
    }
    expect(atRest).toContain('$argon2id$');
  });
});
