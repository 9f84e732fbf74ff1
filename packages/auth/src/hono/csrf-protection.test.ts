import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { describe, expect, it } from 'vitest';

import { renderError } from '../../test/render-error';
import { csrfProtection } from './csrf-protection';

function adminApp(trustedOrigins?: readonly string[]) {
  const app = new Hono();
  app.onError(renderError);
  app.use('/api/*', csrfProtection({ trustedOrigins }));
  app.get('/api/keys', (c) => c.json({ ok: true }));
  app.post('/api/keys', (c) => c.json({ ok: true }));
  app.delete('/api/keys/1', (c) => c.json({ ok: true }));
  return app;
}

const origin = 'http://localhost';
const cookie = 'octoproxy_session=abc';
const jsonPost = (headers: Record<string, string>, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json', cookie, ...headers },
  body: method === 'POST' ? JSON.stringify({ name: 'stolen' }) : null,
});

describe('csrfProtection', () => {
  it('rejects a cross-site JSON POST with a cookie (which Hono csrf() lets through)', async () => {
    const response = await adminApp().request(
      '/api/keys',
      jsonPost({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 'cross_site_request',
        message: 'Cross-site request refused: the request comes from another origin.',
      },
    });
  });

  it('covers the gap: Hono csrf() alone passes that very request', async () => {
    const app = new Hono();
    app.use('/api/*', csrf());
    app.post('/api/keys', (c) => c.json({ ok: true }));
    const response = await app.request(
      '/api/keys',
      jsonPost({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    expect(response.status).toBe(200);
  });

  it('rejects cross-site requests by Origin alone (browsers without Sec-Fetch-Site)', async () => {
    for (const badOrigin of [
      'https://evil.example',
      'null',
      'http://localhost:8080',
      'https://localhost',
    ]) {
      const response = await adminApp().request('/api/keys', jsonPost({ origin: badOrigin }));
      expect(response.status).toBe(403);
    }
  });

  it('rejects a same-site (another port or subdomain) request and a DELETE too', async () => {
    expect(
      (await adminApp().request('/api/keys', jsonPost({ 'sec-fetch-site': 'same-site' }))).status,
    ).toBe(403);
    expect(
      (
        await adminApp().request(
          '/api/keys/1',
          jsonPost({ origin: 'https://evil.example' }, 'DELETE'),
        )
      ).status,
    ).toBe(403);
  });

  it('rejects a form post that smuggles JSON as text/plain', async () => {
    const response = await adminApp().request('/api/keys', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie, 'sec-fetch-site': 'cross-site' },
      body: '{"name":"stolen"}',
    });
    expect(response.status).toBe(403);
  });

  it('accepts same-origin requests from the admin UI', async () => {
    const app = adminApp();
    expect(
      (await app.request('/api/keys', jsonPost({ origin, 'sec-fetch-site': 'same-origin' })))
        .status,
    ).toBe(200);
    expect((await app.request('/api/keys', jsonPost({ origin }))).status).toBe(200);
    expect(
      (await app.request('/api/keys', jsonPost({ 'sec-fetch-site': 'same-origin' }))).status,
    ).toBe(200);
  });

  it('accepts configured origins, e.g. the public URL behind a TLS proxy', async () => {
    const app = adminApp(['https://octo.example.com']);
    expect(
      (
        await app.request(
          '/api/keys',
          jsonPost({ origin: 'https://octo.example.com', 'sec-fetch-site': 'same-site' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (await app.request('/api/keys', jsonPost({ origin: 'https://evil.example' }))).status,
    ).toBe(403);
  });

  it('exempts Authorization: Bearer requests, which browsers never send on their own', async () => {
    const response = await adminApp().request(
      '/api/keys',
      jsonPost({ authorization: 'Bearer some-session-token', origin: 'https://evil.example' }),
    );
    expect(response.status).toBe(200);
  });

  it('does not exempt other Authorization schemes', async () => {
    const response = await adminApp().request(
      '/api/keys',
      jsonPost({ authorization: 'Basic YWRtaW46YWRtaW4xMjM=', origin: 'https://evil.example' }),
    );
    expect(response.status).toBe(403);
  });

  it('lets safe methods through', async () => {
    const response = await adminApp().request('/api/keys', {
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(200);
  });

  it('without Origin or Sec-Fetch-Site, refuses a cookie but lets a cookieless client through', async () => {
    const app = adminApp();
    expect((await app.request('/api/keys', jsonPost({}))).status).toBe(403);
    const cookieless = await app.request('/api/keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin' }),
    });
    expect(cookieless.status).toBe(200);
  });
});
