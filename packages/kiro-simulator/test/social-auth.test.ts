import { createHash, randomBytes } from 'node:crypto';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { socialProfileArn, startKiroSimulator, type KiroSimulator } from '../src/index';
import { chatBody, postChat } from './helpers/kiro-request';

const sim: KiroSimulator = await startKiroSimulator();
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const authBase = (): string => sim.authUrlFor('us-east-1');

function refresh(refreshToken: string): Promise<Response> {
  return fetch(`${authBase()}/refreshToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
}

describe('social refresh', () => {
  it('issues a new access token and rotates the refresh token', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const response = await refresh(account.credentials.refreshToken);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      accessToken: expect.stringMatching(/^aoa/),
      refreshToken: expect.stringMatching(/^aor/),
      profileArn: socialProfileArn,
      expiresIn: 3600,
    });
    expect(body['refreshToken']).not.toBe(account.credentials.refreshToken);
    expect(sim.account(account.id).credentials.accessToken).toBe(body['accessToken']);

    const reused = await refresh(account.credentials.refreshToken);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid refresh token provided',
    });

    const fresh = {
      ...account,
      credentials: { ...account.credentials, accessToken: String(body['accessToken']) },
    };
    const chat = await postChat({
      apiUrl: sim.apiUrl,
      account: fresh,
      body: chatBody(account, 'hi'),
    });
    expect(chat.status).toBe(200);
    await chat.arrayBuffer();
  });

  it('keeps the refresh token when rotation is off, and can omit it from the response', async () => {
    const account = sim.addAccount({
      authMethod: 'social',
      rotateRefreshToken: false,
      omitRefreshTokenOnRefresh: true,
    });
    for (let i = 0; i < 2; i += 1) {
      const response = await refresh(account.credentials.refreshToken);
      const body = (await response.json()) as Record<string, unknown>;
      expect(response.status).toBe(200);
      expect(body).not.toHaveProperty('refreshToken');
    }
  });

  it('answers invalid_grant for a revoked or unknown refresh token', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    sim.revokeRefreshToken(account.id);
    expect((await refresh(account.credentials.refreshToken)).status).toBe(400);
    expect((await refresh('aorNotAToken')).status).toBe(400);
    const idc = sim.addAccount({ authMethod: 'idc' });
    expect((await refresh(idc.credentials.refreshToken)).status).toBe(400);
  });

  it('has no auth host outside us-east-1', async () => {
    const response = await fetch(`${sim.authUrlFor('eu-central-1')}/refreshToken`, {
      method: 'POST',
      body: JSON.stringify({ refreshToken: 'x' }),
    });
    expect(response.status).toBe(404);
  });
});

describe('social PKCE login', () => {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://127.0.0.1:49153/oauth/callback';

  async function login(extra: Record<string, string> = {}): Promise<URL> {
    const query = new URLSearchParams({
      idp: 'Github',
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'state-123',
      ...extra,
    });
    const response = await fetch(`${authBase()}/login?${query.toString()}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  function exchange(body: Record<string, string>): Promise<Response> {
    return fetch(`${authBase()}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('redirects with a code that redeems once, with the right verifier, for a new account', async () => {
    const callback = await login();
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get('state')).toBe('state-123');
    const code = callback.searchParams.get('code') ?? '';

    const response = await exchange({ code, code_verifier: verifier, redirect_uri: redirectUri });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ profileArn: socialProfileArn, expiresIn: 3600 });
    const created = sim.accounts().at(-1);
    expect(created?.tokenFile).toMatchObject({ authMethod: 'social', provider: 'Github' });
    expect(created?.credentials.accessToken).toBe(tokens['accessToken']);

    const again = await exchange({ code, code_verifier: verifier, redirect_uri: redirectUri });
    expect(again.status).toBe(400);
  });

  it('verifies PKCE and the redirect URI, and wants snake_case', async () => {
    const code = (await login()).searchParams.get('code') ?? '';
    const wrong = randomBytes(32).toString('base64url');
    const bad = await exchange({ code, code_verifier: wrong, redirect_uri: redirectUri });
    expect(await bad.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'PKCE verification failed',
    });

    const code2 = (await login()).searchParams.get('code') ?? '';
    const otherRedirect = await exchange({
      code: code2,
      code_verifier: verifier,
      redirect_uri: 'http://127.0.0.1:1/x',
    });
    expect(otherRedirect.status).toBe(400);

    const camel = await exchange({ code: code2, codeVerifier: verifier, redirectUri });
    expect(await camel.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('accepts the kiro:// redirect, refuses other hosts, and can simulate a refusal', async () => {
    const kiro = await login({ redirect_uri: 'kiro://kiro.kiroAgent/authenticate-success' });
    expect(kiro.protocol).toBe('kiro:');
    const refused = await fetch(
      `${authBase()}/login?${new URLSearchParams({
        idp: 'Google',
        redirect_uri: 'https://evil.example/callback',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 's',
      }).toString()}`,
      { redirect: 'manual' },
    );
    expect(refused.status).toBe(400);
    const denied = await login({ sim_error: 'access_denied' });
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.has('code')).toBe(false);
  });

  it('names the field of a malformed sign-in query', async () => {
    const response = await fetch(
      `${authBase()}/login?${new URLSearchParams({
        idp: 'Google',
        redirect_uri: 'http://127.0.0.1:9/callback',
        code_challenge: 'too-short',
        code_challenge_method: 'S256',
        state: 's',
      }).toString()}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Invalid or missing code_challenge',
    });
  });
});
