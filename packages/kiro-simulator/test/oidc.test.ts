import { createHash, randomBytes } from 'node:crypto';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator } from '../src/index';
import { decodeResponse, textOf } from './helpers/decode-event-stream';
import { chatBody, postChat } from './helpers/kiro-request';

let now = Date.parse('2026-05-01T00:00:00Z');
const sim: KiroSimulator = await startKiroSimulator({ now: () => now });
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  now = Date.parse('2026-05-01T00:00:00Z');
});

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';

async function post(region: string, path: string, body: unknown) {
  const response = await fetch(`${sim.oidcUrlFor(region)}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function register(region: string, extra: Record<string, unknown> = {}) {
  const { status, body } = await post(region, 'client/register', {
    clientName: 'Kiro IDE',
    clientType: 'public',
    scopes: ['codewhisperer:completions', 'codewhisperer:analysis', 'codewhisperer:conversations'],
    grantTypes: [deviceGrant, 'refresh_token'],
    ...extra,
  });
  expect(status).toBe(200);
  return { clientId: String(body['clientId']), clientSecret: String(body['clientSecret']), body };
}

async function startDeviceFlow(region: string, startUrl = 'https://view.awsapps.com/start') {
  const client = await register(region);
  const { status, body } = await post(region, 'device_authorization', { ...client, startUrl });
  expect(status).toBe(200);
  const poll = () =>
    post(region, 'token', { ...client, grantType: deviceGrant, deviceCode: body['deviceCode'] });
  return { client, authorization: body, poll };
}

describe('SSO-OIDC client registration', () => {
  it('registers a client valid about 90 days, times in epoch seconds', async () => {
    const { body } = await register('us-east-1');
    expect(body['clientIdIssuedAt']).toBe(now / 1000);
    expect(body['clientSecretExpiresAt']).toBe(now / 1000 + 90 * 86_400);
  });

  it('refuses a registration without clientType', async () => {
    const { status, body } = await post('us-east-1', 'client/register', { clientName: 'x' });
    expect(status).toBe(400);
    expect(body['error']).toBe('invalid_request');
  });
});

describe('device authorization', () => {
  it('is pending for N polls, then issues Builder ID tokens that work on the API', async () => {
    const { authorization, poll } = await startDeviceFlow('us-east-1');
    expect(authorization).toMatchObject({ expiresIn: 600, interval: 1 });
    expect(authorization['userCode']).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(String(authorization['verificationUriComplete'])).toContain(
      `user_code=${String(authorization['userCode'])}`,
    );
    for (let i = 0; i < 2; i += 1) {
      expect(await poll()).toEqual({
        status: 400,
        body: { error: 'authorization_pending', error_description: 'Authorization is pending' },
      });
    }
    const done = await poll();
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    const account = sim.accounts().at(-1);
    expect(account).toMatchObject({ authMethod: 'builder-id', ssoRegion: 'us-east-1' });
    expect(account?.credentials.accessToken).toBe(done.body['accessToken']);
    expect((await poll()).body['error']).toBe('invalid_grant');
    if (account === undefined) return;
    const chat = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hello') });
    expect(textOf(await decodeResponse(chat))).toBe('hello');
  });

  it('completes on an approve call when auto-approval is off', async () => {
    const manual = await startKiroSimulator({ deviceFlow: { pollsBeforeApproval: null } });
    try {
      const client = await fetch(`${manual.oidcUrlFor('eu-west-1')}/client/register`, {
        method: 'POST',
        body: JSON.stringify({ clientName: 'Kiro IDE', clientType: 'public' }),
      }).then((r) => r.json() as Promise<Record<string, string>>);
      const flow = await fetch(`${manual.oidcUrlFor('eu-west-1')}/device_authorization`, {
        method: 'POST',
        body: JSON.stringify({ ...client, startUrl: 'https://acme.awsapps.com/start' }),
      }).then((r) => r.json() as Promise<Record<string, string>>);
      const poll = () =>
        fetch(`${manual.oidcUrlFor('eu-west-1')}/token`, {
          method: 'POST',
          body: JSON.stringify({
            ...client,
            grantType: deviceGrant,
            deviceCode: flow['deviceCode'],
          }),
        });
      for (let i = 0; i < 5; i += 1) expect((await poll()).status).toBe(400);
      manual.approveDeviceAuthorization(flow['userCode'], { plan: 'POWER' });
      expect((await poll()).status).toBe(200);
      expect(manual.accounts()[0]).toMatchObject({
        authMethod: 'idc',
        plan: 'POWER',
        region: 'eu-central-1',
        ssoRegion: 'eu-west-1',
      });
    } finally {
      await manual.close();
    }
  });

  it('answers access_denied, expired_token and slow_down', async () => {
    const denied = await startDeviceFlow('us-east-1');
    sim.denyDeviceAuthorization(String(denied.authorization['userCode']));
    expect((await denied.poll()).body['error']).toBe('access_denied');

    const expired = await startDeviceFlow('us-east-1');
    now += 600_000;
    expect((await expired.poll()).body['error']).toBe('expired_token');

    const strict = await startKiroSimulator({
      now: () => now,
      deviceFlow: { enforceInterval: true, intervalSeconds: 5 },
    });
    try {
      const base = strict.oidcUrlFor('us-east-1');
      const client = await fetch(`${base}/client/register`, {
        method: 'POST',
        body: JSON.stringify({ clientName: 'Kiro IDE', clientType: 'public' }),
      }).then((r) => r.json() as Promise<Record<string, string>>);
      const flow = await fetch(`${base}/device_authorization`, {
        method: 'POST',
        body: JSON.stringify({ ...client, startUrl: 'https://view.awsapps.com/start' }),
      }).then((r) => r.json() as Promise<Record<string, string>>);
      const poll = async () =>
        (await fetch(`${base}/token`, {
          method: 'POST',
          body: JSON.stringify({
            ...client,
            grantType: deviceGrant,
            deviceCode: flow['deviceCode'],
          }),
        }).then((r) => r.json())) as Record<string, string>;
      expect((await poll())['error']).toBe('authorization_pending');
      now += 1000;
      expect((await poll())['error']).toBe('slow_down');
      // The interval grew by 5 s to 10 s, counted from the last poll.
      now += 9000;
      expect((await poll())['error']).toBe('slow_down');
      now += 15_000;
      expect((await poll())['error']).toBe('authorization_pending');
    } finally {
      await strict.close();
    }
  });

  it('approves through the verification page', async () => {
    const { authorization, poll } = await startDeviceFlow('us-east-1');
    const page = await fetch(String(authorization['verificationUriComplete']));
    expect(page.status).toBe(200);
    expect((await poll()).status).toBe(200);
  });

  it('keeps Builder ID in us-east-1', async () => {
    const client = await register('eu-west-1');
    const { status } = await post('eu-west-1', 'device_authorization', {
      ...client,
      startUrl: 'https://view.awsapps.com/start',
    });
    expect(status).toBe(400);
  });
});

describe('OIDC refresh', () => {
  it('refreshes with the registration of the account’s SSO region only', async () => {
    const account = sim.addAccount({ authMethod: 'idc', ssoRegion: 'ap-northeast-2' });
    const { clientId, clientSecret, refreshToken } = account.credentials;
    const body = { clientId, clientSecret, grantType: 'refresh_token', refreshToken };
    const wrongRegion = await post('us-east-1', 'token', body);
    expect(wrongRegion).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const ok = await post('ap-northeast-2', 'token', body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(ok.body['refreshToken']).not.toBe(refreshToken);
    const reused = await post('ap-northeast-2', 'token', body);
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a wrong secret, an expired registration and form-encoded bodies', async () => {
    const account = sim.addAccount({ authMethod: 'builder-id' });
    const { clientId, clientSecret, refreshToken } = account.credentials;
    const bad = await post('us-east-1', 'token', {
      clientId,
      clientSecret: 'nope',
      grantType: 'refresh_token',
      refreshToken,
    });
    expect(bad.status).toBe(401);
    const form = await fetch(`${sim.oidcUrlFor('us-east-1')}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${clientId ?? ''}&grant_type=refresh_token`,
    });
    expect(form.status).toBe(400);
    sim.expireClientRegistration(clientId ?? '');
    const expired = await post('us-east-1', 'token', {
      clientId,
      clientSecret,
      grantType: 'refresh_token',
      refreshToken,
    });
    expect(expired.body).toMatchObject({ error: 'invalid_client' });
  });
});

describe('authorization-code login', () => {
  it('redirects with a code and exchanges it with PKCE for an IdC account', async () => {
    const redirectUri = 'http://127.0.0.1:3128/oauth/callback';
    const client = await register('us-east-2', {
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [redirectUri],
      issuerUrl: 'https://acme.awsapps.com/start',
    });
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: redirectUri,
      scopes: 'codewhisperer:completions,codewhisperer:conversations',
      state: 'xyz',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const authorize = await fetch(`${sim.oidcUrlFor('us-east-2')}/authorize?${query.toString()}`, {
      redirect: 'manual',
    });
    expect(authorize.status).toBe(302);
    const callback = new URL(authorize.headers.get('location') ?? '');
    expect(callback.searchParams.get('state')).toBe('xyz');
    const exchange = (codeVerifier: string) =>
      post('us-east-2', 'token', {
        ...client,
        grantType: 'authorization_code',
        code: callback.searchParams.get('code'),
        codeVerifier,
        redirectUri,
      });
    const ok = await exchange(verifier);
    expect(ok.status).toBe(200);
    expect(sim.accounts().at(-1)).toMatchObject({ authMethod: 'idc', ssoRegion: 'us-east-2' });
    expect((await exchange(verifier)).status).toBe(400);
  });
});
