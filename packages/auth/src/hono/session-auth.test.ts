import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';

import { InMemorySessionStore, InMemoryUserStore, fakeClock } from '../../test/in-memory-stores';
import { renderError } from '../../test/render-error';
import { createSessionService, type SessionService } from '../sessions/session-service';
import type { SessionEnv } from './auth-env';
import { requirePasswordChanged, requireRole } from './require-role';
import { sessionAuth } from './session-auth';
import { createSessionCookie } from './session-cookie';

describe('sessionAuth, requireRole and requirePasswordChanged', () => {
  let clock: ReturnType<typeof fakeClock>;
  let users: InMemoryUserStore;
  let sessions: SessionService;
  let app: Hono<SessionEnv>;
  const cookie = createSessionCookie({ secure: false });

  beforeEach(async () => {
    clock = fakeClock();
    users = new InMemoryUserStore();
    for (const [username, role] of [
      ['admin', 'admin'],
      ['bob', 'user'],
    ] as const) {
      await users.create({ username, role, passwordHash: 'x', mustChangePassword: false });
    }
    sessions = createSessionService({
      sessions: new InMemorySessionStore(),
      users,
      now: clock.now,
    });
    app = new Hono<SessionEnv>();
    app.onError(renderError);
    app.use('/api/*', sessionAuth({ sessions, cookie }));
    app.get('/api/me', (c) => c.json({ user: c.get('user'), session: c.get('session').id }));
    app.use('/api/admin/*', requirePasswordChanged(), requireRole('admin'));
    app.get('/api/admin/accounts', (c) => c.json({ accounts: [] }));
  });

  const tokenFor = async (userId: string) => (await sessions.create({ userId })).token;

  it('authenticates by cookie and puts the user and session on the context', async () => {
    const token = await tokenFor('u1');
    const response = await app.request('/api/me', {
      headers: { cookie: `${cookie.name}=${token}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: unknown; session: string };
    expect(body.user).toEqual({
      id: 'u1',
      username: 'admin',
      role: 'admin',
      active: true,
      mustChangePassword: false,
    });
    expect(body.session).toMatch(/^s\d+$/);
  });

  it('authenticates scripts by Authorization: Bearer <session token>', async () => {
    const token = await tokenFor('u1');
    const response = await app.request('/api/admin/accounts', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it('lets a Bearer header win over a cookie, so a CSRF-exempt request never rides on the cookie', async () => {
    const token = await tokenFor('u1');
    const response = await app.request('/api/me', {
      headers: { authorization: 'Bearer not-a-session', cookie: `${cookie.name}=${token}` },
    });
    expect(response.status).toBe(401);
  });

  it('answers 401 without or with a bad session', async () => {
    const missing = await app.request('/api/me');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { code: 'missing_session', message: 'Log in first.' },
    });
    const bad = await app.request('/api/me', { headers: { cookie: `${cookie.name}=forged` } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_session' } });
  });

  it('answers 401 once the session expired', async () => {
    const token = await tokenFor('u1');
    clock.advance(sessions.idleTimeoutMs);
    const response = await app.request('/api/me', {
      headers: { cookie: `${cookie.name}=${token}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'session_expired' } });
  });

  it('answers 403, not 401, when the role is wrong', async () => {
    const token = await tokenFor('u2');
    const response = await app.request('/api/admin/accounts', {
      headers: { cookie: `${cookie.name}=${token}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'This needs the admin role.' },
    });
  });

  it('blocks everything behind requirePasswordChanged until the password is changed', async () => {
    users.rows.get('u1')!.mustChangePassword = true;
    const token = await tokenFor('u1');
    const headers = { cookie: `${cookie.name}=${token}` };
    expect((await app.request('/api/me', { headers })).status).toBe(200);
    const blocked = await app.request('/api/admin/accounts', { headers });
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ error: { code: 'password_change_required' } });
  });

  it('fails closed when requireRole runs without sessionAuth', async () => {
    const bare = new Hono<SessionEnv>();
    bare.onError(renderError);
    bare.get('/api/admin/x', requireRole('admin'), (c) => c.text('reached'));
    expect((await bare.request('/api/admin/x')).status).toBe(401);
  });
});

describe('createSessionCookie', () => {
  const issued = {
    token: 'T'.repeat(43),
    session: {
      id: 's1',
      userId: 'u1',
      tokenHash: 'h',
      createdAt: new Date(0),
      lastSeenAt: new Date(0),
      expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + 8 * 3_600_000),
    },
  };

  async function setCookieHeader(secure: boolean): Promise<string> {
    const app = new Hono();
    const cookie = createSessionCookie({ secure });
    app.post('/login', (c) => {
      cookie.set(c, issued);
      return c.body(null, 204);
    });
    const response = await app.request('/login', { method: 'POST' });
    expect(response.status).toBe(204);
    return response.headers.get('set-cookie') ?? '';
  }

  it('is HttpOnly, SameSite=Lax, path /, expiring with the session; not Secure on plain HTTP', async () => {
    const header = await setCookieHeader(false);
    expect(header).toContain(`octoproxy_session=${issued.token}`);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).toContain(`Expires=${issued.session.expiresAt.toUTCString()}`);
    expect(header).not.toMatch(/Secure/);
  });

  it('is Secure with the __Host- prefix when configured', async () => {
    const header = await setCookieHeader(true);
    expect(header).toMatch(/^__Host-octoproxy_session=/);
    expect(header).toMatch(/Secure/);
    expect(createSessionCookie({ secure: true }).name).toBe('__Host-octoproxy_session');
  });

  it('decides Secure per request when given a function, and reads either name back', async () => {
    const cookie = createSessionCookie({ secure: (c) => new URL(c.req.url).protocol === 'https:' });
    const app = new Hono();
    app.post('/login', (c) => {
      cookie.set(c, issued);
      return c.body(null, 204);
    });
    app.get('/read', (c) => c.json({ token: cookie.read(c) ?? null }));
    const overHttps = await app.request('https://octo.example/login', { method: 'POST' });
    expect(overHttps.headers.get('set-cookie')).toMatch(/^__Host-octoproxy_session=.*Secure/);
    const overHttp = await app.request('http://10.0.0.2/login', { method: 'POST' });
    expect(overHttp.headers.get('set-cookie')).toMatch(/^octoproxy_session=/);
    expect(overHttp.headers.get('set-cookie')).not.toMatch(/Secure/);
    for (const name of ['__Host-octoproxy_session', 'octoproxy_session']) {
      const read = await app.request('/read', { headers: { cookie: `${name}=abc` } });
      expect(await read.json()).toEqual({ token: 'abc' });
    }
  });

  it('reads the cookie back and clears it', async () => {
    const cookie = createSessionCookie({ secure: false });
    const app = new Hono();
    app.get('/read', (c) => c.json({ token: cookie.read(c) ?? null }));
    app.post('/logout', (c) => {
      cookie.clear(c);
      return c.body(null, 204);
    });
    const read = await app.request('/read', {
      headers: { cookie: `octoproxy_session=abc; other=1` },
    });
    expect(await read.json()).toEqual({ token: 'abc' });
    const cleared = await app.request('/logout', {
      method: 'POST',
      headers: { cookie: 'octoproxy_session=abc' },
    });
    expect(cleared.headers.get('set-cookie')).toMatch(/octoproxy_session=; Max-Age=0/);
  });
});
