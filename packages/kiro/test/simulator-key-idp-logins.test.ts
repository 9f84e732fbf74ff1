import { request } from 'undici';
import { describe, expect, it } from 'vitest';

import {
  createKiroClient,
  isAllowedTokenEndpoint,
  parseSocialCallback,
  startOidcAuthCodeLogin,
  type KiroAccount,
} from '../src/index';
import {
  failureOf,
  kiroAccountOf,
  messagesRequest,
  readAll,
  useHarness,
} from './support/simulator';

const harness = useHarness();

describe('Kiro API keys', () => {
  it('chat and read usage with tokentype: API_KEY, no profile ARN and no refresh', async () => {
    const simulated = harness.sim.addAccount({ authMethod: 'api-key', email: 'k@example.com' });
    const account: KiroAccount = {
      id: 'key',
      authMethod: 'api-key',
      credentials: { accessToken: simulated.apiKey },
    };
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    expect((await readAll(response.events)).at(-1)?.type).toBe('message_stop');
    const chat = harness.sim.requests.last('generateAssistantResponse');
    expect(chat?.headers.tokentype).toBe('API_KEY');
    expect(chat?.body).not.toHaveProperty('profileArn');
    const usage = await harness.client.getUsageLimits({ account });
    expect(usage.email).toBe('k@example.com');
    expect(harness.sim.requests.count('socialRefreshToken')).toBe(0);
  });
});

describe('external IdP (Entra ID) accounts', () => {
  it('refresh at their token endpoint (form-urlencoded) and call the API with TokenType: EXTERNAL_IDP', async () => {
    const simulated = harness.sim.addAccount({ authMethod: 'external-idp', tenant: 'contoso' });
    harness.sim.expireAccessToken(simulated.id);
    const account = kiroAccountOf(simulated);
    expect(account.authMethod).toBe('external-idp');
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    expect((await readAll(response.events)).at(-1)?.type).toBe('message_stop');
    const refresh = harness.sim.requests.last('externalIdpToken');
    expect(refresh?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(refresh?.status).toBe(200);
    expect(harness.sim.requests.last('generateAssistantResponse')?.headers.tokentype).toBe(
      'EXTERNAL_IDP',
    );
  });

  it('never call a token endpoint outside the allow-list', async () => {
    const client = createKiroClient(); // production endpoints: only *.microsoftonline.com
    const simulated = harness.sim.addAccount({ authMethod: 'external-idp' });
    const account = kiroAccountOf(simulated, {
      credentials: { ...kiroAccountOf(simulated).credentials, accessToken: undefined },
    });
    const before = harness.sim.requests.count('externalIdpToken');
    const error = await failureOf(client.ensureFreshToken({ account }));
    expect(error).toMatchObject({ reason: 'refresh_revoked' });
    expect(String((error as Error).message)).toMatch(/not an allowed host/);
    expect(harness.sim.requests.count('externalIdpToken')).toBe(before);
    await client.close();

    const none = new Set<string>();
    expect(
      isAllowedTokenEndpoint('https://login.microsoftonline.com/t/oauth2/v2.0/token', none),
    ).toBe(true);
    expect(isAllowedTokenEndpoint('http://login.microsoftonline.com/t', none)).toBe(false);
    expect(isAllowedTokenEndpoint('https://login.microsoftonline.com.evil.io/t', none)).toBe(false);
    expect(isAllowedTokenEndpoint('https://169.254.169.254/latest', none)).toBe(false);
    expect(isAllowedTokenEndpoint('https://user:pw@login.microsoftonline.com/t', none)).toBe(false);
    expect(isAllowedTokenEndpoint('http://127.0.0.1:9/t', new Set(['127.0.0.1:9']))).toBe(true);
  });
});

describe('IAM Identity Center authorization code + PKCE', () => {
  it('registers for the code grant, signs in through /authorize and redeems the code', async () => {
    const redirectUri = 'http://127.0.0.1:19877/oauth/callback';
    const registration = await harness.client.registerOidcClient({
      ssoRegion: 'eu-west-1',
      startUrl: 'https://acme.awsapps.com/start',
      redirectUris: [redirectUri],
    });
    expect(harness.sim.requests.last('oidcRegisterClient')?.body).toMatchObject({
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [redirectUri],
      issuerUrl: 'https://acme.awsapps.com/start',
    });
    const login = startOidcAuthCodeLogin({
      clientId: registration.clientId,
      ssoRegion: 'eu-west-1',
      redirectUri,
      endpoints: harness.client.endpoints,
    });
    const browser = await request(login.url, { method: 'GET' });
    await browser.body.dump();
    expect(browser.statusCode).toBe(302);
    const { code } = parseSocialCallback(String(browser.headers.location), login.state);
    const exchange = {
      ssoRegion: 'eu-west-1',
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      code,
      redirectUri,
    };
    expect(
      await failureOf(
        harness.client.exchangeOidcAuthCode({ ...exchange, codeVerifier: 'x'.repeat(43) }),
      ),
    ).toMatchObject({ reason: 'refresh_revoked' });
    const again = startOidcAuthCodeLogin({
      clientId: registration.clientId,
      ssoRegion: 'eu-west-1',
      redirectUri,
      endpoints: harness.client.endpoints,
    });
    const second = await request(again.url, { method: 'GET' });
    await second.body.dump();
    const tokens = await harness.client.exchangeOidcAuthCode({
      ...exchange,
      code: parseSocialCallback(String(second.headers.location), again.state).code,
      codeVerifier: again.codeVerifier,
    });
    const account: KiroAccount = {
      id: 'idc-code',
      authMethod: 'idc',
      ssoRegion: 'eu-west-1',
      apiRegion: 'eu-central-1',
      credentials: {
        ...tokens,
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
      },
    };
    const [profile] = await harness.client.listAvailableProfiles({ account });
    expect(profile?.arn).toMatch(/^arn:aws:codewhisperer:eu-central-1:/);
  });
});
