import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator } from '../src/index';
import { chatBody, kiroHeaders, postChat } from './helpers/kiro-request';

const sim: KiroSimulator = await startKiroSimulator();
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const usagePath =
  '/getUsageLimits?origin=AI_EDITOR&resourceType=AGENTIC_REQUEST&isEmailRequired=true';

describe('API-key accounts', () => {
  it('issue a ksk_ key with no refresh token and serve it only with tokentype: API_KEY', async () => {
    const account = sim.addAccount({ authMethod: 'api-key', email: 'key@example.com' });
    expect(account.apiKey).toMatch(/^ksk_[A-Za-z0-9_-]{40,}$/);
    expect(account.credentials.accessToken).toBe(account.apiKey);
    expect(account.profileArn).toBeUndefined();
    expect(account.tokenFile).toMatchObject({ authMethod: 'api_key', refreshToken: '' });

    const without = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    expect(without.status).toBe(403);
    expect(sim.requests.last()?.error?.rule).toBe('token-type');

    const headers = { tokentype: 'API_KEY' };
    const ok = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers,
    });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();

    const withArn = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: {
        ...chatBody(account, 'hi'),
        profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/X',
      },
      headers,
    });
    expect(withArn.status).toBe(400);

    const usage = await fetch(`${sim.apiUrlFor('us-east-1')}${usagePath}`, {
      headers: { ...kiroHeaders(account.apiKey!), tokentype: 'API_KEY' },
    });
    expect(usage.status).toBe(200);
    expect(((await usage.json()) as { userInfo: { email: string } }).userInfo.email).toBe(
      'key@example.com',
    );
  });

  it('refuse tokentype: API_KEY on an ordinary access token', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const response = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers: { tokentype: 'API_KEY' },
    });
    expect(response.status).toBe(403);
  });
});

describe('external IdP (Entra ID) accounts', () => {
  it('carry a token file with the token endpoint and refresh there, form-urlencoded', async () => {
    const account = sim.addAccount({ authMethod: 'external-idp', tenant: 'contoso' });
    const file = account.tokenFile;
    expect(file).toMatchObject({
      authMethod: 'external_idp',
      provider: 'ExternalIdp',
      tokenEndpoint: `${sim.url}/entra/contoso/oauth2/v2.0/token`,
    });
    expect(account.profileArn).toMatch(/^arn:aws:codewhisperer:us-east-1:/);

    const json = await fetch(file.tokenEndpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: file.refreshToken }),
    });
    expect(json.status).toBe(400);

    const wrongClient = await fetch(file.tokenEndpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'someone-else',
        refresh_token: file.refreshToken,
      }).toString(),
    });
    expect(wrongClient.status).toBe(400);

    const refreshed = await fetch(file.tokenEndpoint!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: file.clientId!,
        refresh_token: file.refreshToken,
        scope: file.scopes!,
      }).toString(),
    });
    expect(refreshed.status).toBe(200);
    const tokens = (await refreshed.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(tokens.access_token).toBe(sim.account(account.id).credentials.accessToken);
    expect(tokens.refresh_token).not.toBe(file.refreshToken);
  });

  it('serve API calls only with TokenType: EXTERNAL_IDP', async () => {
    const account = sim.addAccount({ authMethod: 'external-idp' });
    const without = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    expect(without.status).toBe(403);
    const ok = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'hi'),
      headers: { TokenType: 'EXTERNAL_IDP' },
    });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
  });
});
