import { afterAll, afterEach, describe, expect, it } from 'vitest';

import {
  settled,
  type Answer,
  signInFixture,
  startSignInServer,
  type SignInServer,
} from './helpers/sign-in-server';

const fixture = await signInFixture({
  deviceFlow: { pollsBeforeApproval: 1_000_000, intervalSeconds: 1, enforceInterval: true },
});
const open: SignInServer[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
  fixture.sim.reset();
});
afterAll(() => fixture.close());

/** A server on a fresh data folder, or on `dataDir` (a restart). */
async function server(dataDir?: string): Promise<SignInServer & { dataDir: string }> {
  const dir = dataDir ?? (await fixture.newDataDir());
  const started = await startSignInServer(fixture.sim, dir);
  open.push(started);
  return { ...started, dataDir: dir };
}

describe('Builder ID device code', () => {
  it('shows the user code, polls at the service pace, and adds the approved account by its e-mail', async () => {
    const { admin } = await server();
    const started = await admin('POST', '/api/sign-in', { method: 'builder-id' });
    expect(started.status).toBe(201);
    const session = started.body.session;
    expect(session).toMatchObject({
      method: 'builder-id',
      flow: 'device-code',
      status: 'pending',
      ssoRegion: 'us-east-1',
      pollIntervalSeconds: 1,
    });
    expect(session.userCode).toMatch(/^[A-Z0-9-]+$/);
    expect(session.verificationUriComplete).toContain(session.userCode);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(fixture.sim.requests.count('oidcToken')).toBeGreaterThanOrEqual(1);
    fixture.sim.approveDeviceAuthorization(session.userCode, {
      email: 'builder@example.com',
      plan: 'PRO',
    });
    const done = await settled(admin, session.id);
    expect(done.body.session).toMatchObject({
      status: 'completed',
      account: { name: 'builder@example.com', email: 'builder@example.com', plan: 'KIRO PRO' },
    });
    const providers = await admin('GET', '/api/providers');
    expect(providers.body.providers).toHaveLength(1);
    expect(providers.body.providers[0]).toMatchObject({
      name: 'builder@example.com',
      authMethod: 'builder-id',
      region: 'us-east-1',
      ssoRegion: 'us-east-1',
    });
    expect(providers.body.providers[0].entitlements).toContain('claude-sonnet-4.5');
    const tokenPolls = fixture.sim.requests.entries('oidcToken');
    expect(tokenPolls.some((entry) => entry.error?.detail === 'slow_down')).toBe(false);
  });
});

/** Where the simulator's sign-in page sends the browser, without following it. */
async function browserRedirect(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

describe('social sign-in (Google / GitHub)', () => {
  it('completes when the admin pastes the final kiro:// URL back, after checking state', async () => {
    const { admin } = await server();
    const capabilities = await admin('GET', '/api/sign-in/capabilities');
    expect(capabilities.body).toMatchObject({ loopbackCallback: true });
    const started = await admin('POST', '/api/sign-in', {
      method: 'social',
      provider: 'Github',
      callbackMode: 'paste',
      name: 'my github',
    });
    const session = started.body.session;
    expect(session).toMatchObject({
      method: 'social',
      provider: 'Github',
      flow: 'pkce',
      callbackMode: 'paste',
      redirectUri: 'kiro://kiro.kiroAgent/authenticate-success',
    });
    const authUrl = new URL(session.authUrl);
    expect(authUrl.searchParams.get('idp')).toBe('Github');
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const landed = await browserRedirect(session.authUrl);
    expect(landed.startsWith('kiro://kiro.kiroAgent/authenticate-success?')).toBe(true);

    const forged = new URL(landed);
    forged.searchParams.set('state', 'not-the-state');
    const wrong = await admin('POST', `/api/sign-in/${session.id}/callback`, {
      url: forged.toString(),
    });
    expect(wrong.status).toBe(400);
    const noCode = await admin('POST', `/api/sign-in/${session.id}/callback`, {
      url: 'kiro://kiro.kiroAgent/authenticate-success',
    });
    expect(noCode.status).toBe(400);

    const done = await admin('POST', `/api/sign-in/${session.id}/callback`, { url: landed });
    expect(done.status).toBe(200);
    expect(done.body.session).toMatchObject({
      status: 'completed',
      account: { name: 'my github', plan: 'KIRO PRO' },
    });
    expect(done.body.session.account.email).toMatch(/@example\.com$/);
    const again = await admin('POST', `/api/sign-in/${session.id}/callback`, { url: landed });
    expect(again.status).toBe(400);
  });

  it('completes by itself through the loopback callback listener, which then stops', async () => {
    const running = await server();
    const { admin } = running;
    const started = await admin('POST', '/api/sign-in', { method: 'social', provider: 'Google' });
    const session = started.body.session;
    expect(session.callbackMode).toBe('loopback');
    expect(session.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:198(7[6-9]|80)\/oauth\/callback$/);
    const page = await fetch(session.authUrl); // the browser follows the redirect to the listener
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('The account was added');
    const done = await admin('GET', `/api/sign-in/${session.id}`);
    expect(done.body.session.status).toBe('completed');
    expect(done.body.session.account.name).toMatch(/@example\.com$/);
    await expect(fetch(session.redirectUri)).rejects.toThrow();
    const audit = await running.server.core.storage.auditLog.list();
    expect(audit.items.find((entry) => entry.action === 'account.sign-in')).toMatchObject({
      targetId: done.body.session.account.id,
      details: { method: 'social', flow: 'pkce', outcome: 'created' },
    });
  });
});

describe('device-code outcomes', () => {
  it('shows a denied sign-in as denied', async () => {
    const { admin } = await server();
    const { session } = (await admin('POST', '/api/sign-in', { method: 'builder-id' })).body;
    fixture.sim.denyDeviceAuthorization(session.userCode);
    const done = await settled(admin, session.id);
    expect(done.body.session).toMatchObject({ status: 'denied', account: null });
    expect(done.body.session.error).toMatch(/denied/);
  });

  it('cancels: the status is cancelled and polling stops', async () => {
    const { admin } = await server();
    const { session } = (await admin('POST', '/api/sign-in', { method: 'builder-id' })).body;
    const cancelled = await admin('POST', `/api/sign-in/${session.id}/cancel`);
    expect(cancelled.body.session.status).toBe('cancelled');
    const polls = fixture.sim.requests.count('oidcToken');
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(fixture.sim.requests.count('oidcToken')).toBe(polls);
    expect((await admin('POST', `/api/sign-in/${session.id}/cancel`)).status).toBe(400);
  });

  it('honours slow_down: the interval grows by 5 s, is shown, and the next poll waits for it', async () => {
    const { admin } = await server();
    fixture.sim.injectFault({
      operation: 'oidcToken',
      fault: {
        type: 'http-error',
        status: 400,
        body: { error: 'slow_down', error_description: 'Client is polling too quickly' },
      },
      times: 1,
    });
    const { session } = (await admin('POST', '/api/sign-in', { method: 'builder-id' })).body;
    const slowed = await fixture.sim.requests.waitFor(
      (entry) => entry.operation === 'oidcToken' && entry.fault === 'http-error',
      { timeoutMs: 5_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      (await admin('GET', `/api/sign-in/${session.id}`)).body.session.pollIntervalSeconds,
    ).toBe(6);
    const next = await fixture.sim.requests.waitFor(
      (entry) => entry.operation === 'oidcToken' && entry.id > slowed.id,
      { timeoutMs: 9_000 },
    );
    expect(next.receivedAt - slowed.receivedAt).toBeGreaterThanOrEqual(6_000);
    await admin('POST', `/api/sign-in/${session.id}/cancel`);
  }, 20_000);
});

describe('IAM Identity Center', () => {
  it('validates the start URL and the SSO region', async () => {
    const { admin } = await server();
    const badRegion = await admin('POST', '/api/sign-in', {
      method: 'idc',
      startUrl: 'acme',
      ssoRegion: 'mars-north-1',
    });
    expect(badRegion.status).toBe(400);
    const badUrl = await admin('POST', '/api/sign-in', {
      method: 'idc',
      startUrl: 'http://acme.awsapps.com/start',
      ssoRegion: 'us-east-2',
    });
    expect(badUrl.status).toBe(400);
  });

  for (const [ssoRegion, apiRegion] of [
    ['us-east-2', 'us-east-1'],
    ['eu-west-1', 'eu-central-1'],
  ] as const) {
    it(`device code in ${ssoRegion}: OIDC there, API and profile in ${apiRegion}`, async () => {
      const { admin } = await server();
      const { session } = (
        await admin('POST', '/api/sign-in', { method: 'idc', startUrl: 'acme', ssoRegion })
      ).body;
      expect(session).toMatchObject({
        startUrl: 'https://acme.awsapps.com/start',
        ssoRegion,
        apiRegion,
      });
      fixture.sim.approveDeviceAuthorization(session.userCode, {
        email: `idc-${ssoRegion}@acme.com`,
      });
      const done = await settled(admin, session.id);
      expect(done.body.session).toMatchObject({ status: 'completed', ssoRegion, apiRegion });
      expect(fixture.sim.requests.last('oidcToken')?.region).toBe(ssoRegion);
      const profiles = fixture.sim.requests.entries('listAvailableProfiles');
      expect(profiles.at(-1)).toMatchObject({ region: apiRegion, status: 200 });
      const provider = (await admin('GET', '/api/providers')).body.providers[0];
      expect(provider).toMatchObject({
        name: `idc-${ssoRegion}@acme.com`,
        authMethod: 'idc',
        region: apiRegion,
        ssoRegion,
      });
    });
  }

  it('finds the API region by trying the other one on 403 Invalid token', async () => {
    const { admin } = await server();
    // An eu-west-1 login whose profile lives in us-east-1: eu-central-1 is tried first and refuses.
    const simulated = fixture.sim.addAccount({
      authMethod: 'idc',
      ssoRegion: 'eu-west-1',
      region: 'us-east-1',
      email: 'moved@acme.com',
    });
    const added = await admin('POST', '/api/providers', { credentials: simulated.credentials });
    expect(added.status).toBe(201);
    expect(added.body.provider).toMatchObject({
      region: 'us-east-1',
      ssoRegion: 'eu-west-1',
      name: 'moved@acme.com',
    });
    const lookups = fixture.sim.requests.entries('listAvailableProfiles');
    expect(lookups.map((entry) => [entry.region, entry.status])).toEqual([
      ['eu-central-1', 403],
      ['us-east-1', 200],
    ]);
  });

  it('authorization code + PKCE through the loopback listener', async () => {
    const { admin } = await server();
    const { session } = (
      await admin('POST', '/api/sign-in', {
        method: 'idc',
        flow: 'auth-code',
        startUrl: 'https://acme.awsapps.com/start',
        ssoRegion: 'eu-west-1',
      })
    ).body;
    expect(session).toMatchObject({ flow: 'auth-code', callbackMode: 'loopback' });
    expect(new URL(session.authUrl).pathname).toBe('/oidc/eu-west-1/authorize');
    expect(fixture.sim.requests.last('oidcRegisterClient')?.body).toMatchObject({
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [session.redirectUri],
      issuerUrl: 'https://acme.awsapps.com/start',
    });
    const page = await fetch(session.authUrl);
    expect(page.status).toBe(200);
    const done = await admin('GET', `/api/sign-in/${session.id}`);
    expect(done.body.session).toMatchObject({
      status: 'completed',
      ssoRegion: 'eu-west-1',
      apiRegion: 'eu-central-1',
    });
  });
});

describe('restart during a pending device-code login', () => {
  it('resumes polling on the new server and completes', async () => {
    const first = await server();
    const { session } = (await first.admin('POST', '/api/sign-in', { method: 'builder-id' })).body;
    await fixture.sim.requests.waitFor((entry) => entry.operation === 'oidcToken', {
      timeoutMs: 5_000,
    });
    await first.close();
    fixture.sim.approveDeviceAuthorization(session.userCode, { email: 'restart@example.com' });
    const second = await server(first.dataDir);
    const done = await settled(second.admin, session.id);
    expect(done.body.session).toMatchObject({
      status: 'completed',
      account: { name: 'restart@example.com' },
    });
    expect((await second.admin('GET', '/api/providers')).body.providers).toHaveLength(1);
  });
});

describe('duplicates', () => {
  async function signInAs(admin: SignInServer['admin'], email: string): Promise<Answer['body']> {
    const { session } = (await admin('POST', '/api/sign-in', { method: 'builder-id' })).body;
    fixture.sim.approveDeviceAuthorization(session.userCode, { email });
    return (await settled(admin, session.id)).body.session;
  }

  it('offers the same e-mail and sign-in method as an update, another account, or nothing', async () => {
    const { admin } = await server();
    const first = await signInAs(admin, 'twice@example.com');
    expect(first.status).toBe('completed');

    const second = await signInAs(admin, 'twice@example.com');
    expect(second).toMatchObject({
      status: 'awaiting-decision',
      duplicateOf: { id: first.account.id, name: 'twice@example.com' },
    });
    const updated = await admin('POST', `/api/sign-in/${second.id}/resolve`, { action: 'update' });
    expect(updated.body.session).toMatchObject({
      status: 'completed',
      account: { id: first.account.id },
    });
    expect((await admin('GET', '/api/providers')).body.providers).toHaveLength(1);

    const third = await signInAs(admin, 'twice@example.com');
    const created = await admin('POST', `/api/sign-in/${third.id}/resolve`, { action: 'create' });
    expect(created.body.session.status).toBe('completed');
    expect(created.body.session.account.id).not.toBe(first.account.id);
    expect((await admin('GET', '/api/providers')).body.providers).toHaveLength(2);

    const fourth = await signInAs(admin, 'twice@example.com');
    const dropped = await admin('POST', `/api/sign-in/${fourth.id}/resolve`, {
      action: 'discard',
    });
    expect(dropped.body.session.status).toBe('cancelled');
    expect((await admin('GET', '/api/providers')).body.providers).toHaveLength(2);
    expect(
      (await admin('POST', `/api/sign-in/${fourth.id}/resolve`, { action: 'update' })).status,
    ).toBe(400);
  });

  it('detects a pasted token file whose refresh token is already stored', async () => {
    const { admin } = await server();
    const simulated = fixture.sim.addAccount({ authMethod: 'social', rotateRefreshToken: false });
    const created = await admin('POST', '/api/providers', { credentials: simulated.tokenFile });
    expect(created.status).toBe(201);
    const again = await admin('POST', '/api/providers', { credentials: simulated.tokenFile });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('duplicate');
    const update = await admin('POST', '/api/providers', {
      credentials: simulated.tokenFile,
      onDuplicate: 'update',
    });
    expect(update.status).toBe(200);
    expect(update.body.provider.id).toBe(created.body.provider.id);
  });
});

describe('Kiro API keys and Entra ID accounts added directly', () => {
  async function serve(admin: SignInServer['admin'], url: string) {
    const key = (await admin('POST', '/api/api-keys', { name: 'sign-in tests' })).body.apiKey.key;
    const response = await fetch(`${url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        model: 'claude-sonnet-4-5',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'sim: text hello from the pool' }],
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('adds a ksk_ key (validated, named by its e-mail) and serves /v1/messages with it', async () => {
    const running = await server();
    const simulated = fixture.sim.addAccount({ authMethod: 'api-key', email: 'keys@example.com' });
    const bad = await running.admin('POST', '/api/providers', {
      credentials: 'ksk_not-a-real-key',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('account_invalid');
    const added = await running.admin('POST', '/api/providers', { credentials: simulated.apiKey });
    expect(added.status).toBe(201);
    expect(added.body.provider).toMatchObject({
      name: 'keys@example.com',
      authMethod: 'api-key',
      email: 'keys@example.com',
    });
    const answer = await serve(running.admin, running.server.url);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body.content)).toContain('hello from the pool');
    const chat = fixture.sim.requests.last('generateAssistantResponse');
    expect(chat?.headers.tokentype).toBe('API_KEY');
    expect(chat?.status).toBe(200);
  });

  it('adds an Entra ID token file, refreshes it at its token endpoint and serves /v1/messages', async () => {
    const running = await server();
    const simulated = fixture.sim.addAccount({
      authMethod: 'external-idp',
      tenant: 'contoso',
      email: 'entra@contoso.com',
    });
    const added = await running.admin('POST', '/api/providers', {
      credentials: JSON.stringify(simulated.tokenFile),
    });
    expect(added.status).toBe(201);
    expect(added.body.provider).toMatchObject({
      name: 'entra@contoso.com',
      authMethod: 'external-idp',
      provider: 'ExternalIdp',
    });
    expect(fixture.sim.requests.last('externalIdpToken')?.status).toBe(200);
    const answer = await serve(running.admin, running.server.url);
    expect(answer.status).toBe(200);
    expect(fixture.sim.requests.last('generateAssistantResponse')?.headers.tokentype).toBe(
      'EXTERNAL_IDP',
    );
    const elsewhere = await running.admin('POST', '/api/providers', {
      credentials: {
        ...simulated.tokenFile,
        // Another login (a token not stored yet), sent to refresh somewhere it must not.
        refreshToken: `aor${'x'.repeat(120)}`,
        tokenEndpoint: 'https://169.254.169.254/latest/meta-data',
      },
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toMatch(/not an allowed host/);
  });
});

describe('secrets', () => {
  it('no admin answer of any sign-in flow, nor the account list, carries a secret the simulator issued', async () => {
    const running = await server();
    const { admin } = running;
    const sessions: string[] = [];
    // Social, pasted back.
    let { session } = (
      await admin('POST', '/api/sign-in', {
        method: 'social',
        provider: 'Google',
        callbackMode: 'paste',
      })
    ).body;
    sessions.push(session.id);
    await admin('POST', `/api/sign-in/${session.id}/callback`, {
      url: await browserRedirect(session.authUrl),
    });
    // Builder ID, then the same person again (a duplicate, updated).
    for (const round of [1, 2]) {
      ({ session } = (await admin('POST', '/api/sign-in', { method: 'builder-id' })).body);
      sessions.push(session.id);
      fixture.sim.approveDeviceAuthorization(session.userCode, { email: 'same@example.com' });
      const done = await settled(admin, session.id);
      if (round === 2) {
        expect(done.body.session.status).toBe('awaiting-decision');
        await admin('POST', `/api/sign-in/${session.id}/resolve`, { action: 'update' });
      }
    }
    // IdC authorization code, through the loopback listener.
    ({ session } = (
      await admin('POST', '/api/sign-in', {
        method: 'idc',
        flow: 'auth-code',
        startUrl: 'acme',
        ssoRegion: 'us-east-2',
      })
    ).body);
    sessions.push(session.id);
    await (await fetch(session.authUrl)).text();
    // A cancelled one, an API key and an Entra account.
    ({ session } = (await admin('POST', '/api/sign-in', { method: 'builder-id' })).body);
    sessions.push(session.id);
    await admin('POST', `/api/sign-in/${session.id}/cancel`);
    const key = fixture.sim.addAccount({ authMethod: 'api-key' });
    await admin('POST', '/api/providers', { credentials: { apiKey: key.apiKey } });
    const entra = fixture.sim.addAccount({ authMethod: 'external-idp' });
    await admin('POST', '/api/providers', { credentials: entra.tokenFile });
    for (const id of sessions) await admin('GET', `/api/sign-in/${id}`);
    const providers = await admin('GET', '/api/providers');
    expect(providers.body.providers.length).toBeGreaterThanOrEqual(5);

    // Every secret the server held: what it sent to the simulator, and what the simulator holds now.
    const secrets = new Set<string>();
    const add = (value: unknown) => {
      if (typeof value === 'string' && value.length >= 16) secrets.add(value);
    };
    for (const entry of fixture.sim.requests.entries()) {
      add(/^Bearer (.+)$/.exec(entry.headers.authorization ?? '')?.[1]);
      const body = entry.body;
      if (typeof body === 'object' && body !== null) {
        for (const field of [
          'refreshToken',
          'clientSecret',
          'deviceCode',
          'codeVerifier',
          'code_verifier',
          'code',
          'accessToken',
        ] as const)
          // prettier-ignore
          add((body as Record<string, unknown>)[field]);
      } else if (typeof body === 'string') {
        for (const [, value] of new URLSearchParams(body)) add(value);
      }
    }
    for (const account of fixture.sim.accounts()) {
      add(account.credentials.accessToken);
      add(account.credentials.refreshToken);
      add(account.credentials.clientSecret);
      add(account.apiKey);
    }
    expect(secrets.size).toBeGreaterThan(15);
    const everything = JSON.stringify(running.answers);
    const leaked = [...secrets].filter((secret) => everything.includes(secret));
    expect(leaked).toEqual([]);
  }, 60_000);
});
