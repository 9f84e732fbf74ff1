import { request } from 'undici';
import { describe, expect, it } from 'vitest';

import {
  builderIdRegion,
  builderIdStartUrl,
  idcStartUrl,
  parseSocialCallback,
  startSocialLogin,
  type KiroAccount,
} from '../src/index';
import { messagesRequest, readAll, startHarness, useHarness } from './support/simulator';

const harness = useHarness({ deviceFlow: { pollsBeforeApproval: 2, enforceInterval: false } });

describe('login building blocks', () => {
  it('runs the social PKCE login end to end', async () => {
    const login = startSocialLogin({
      provider: 'Github',
      redirectUri: 'http://127.0.0.1:9/oauth/callback',
      endpoints: harness.client.endpoints,
    });
    const browser = await request(login.url, { method: 'GET' });
    await browser.body.dump();
    expect(browser.statusCode).toBe(302);
    const { code } = parseSocialCallback(String(browser.headers.location), login.state);
    expect(() => parseSocialCallback(String(browser.headers.location), 'other-state')).toThrow(
      /not for this login/,
    );
    const tokens = await harness.client.exchangeSocialCode({
      code,
      codeVerifier: login.codeVerifier,
      redirectUri: login.redirectUri,
    });
    expect(tokens.profileArn).toMatch(/^arn:aws:codewhisperer:us-east-1:/);
    const account: KiroAccount = {
      id: 'social-login',
      authMethod: 'social',
      profileArn: tokens.profileArn,
      credentials: tokens,
    };
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    expect((await readAll(response.events)).at(-1)?.type).toBe('message_stop');
  });

  it('refuses a code exchanged with the wrong verifier', async () => {
    const login = startSocialLogin({ provider: 'Google', endpoints: harness.client.endpoints });
    const browser = await request(login.url, { method: 'GET' });
    await browser.body.dump();
    const { code } = parseSocialCallback(String(browser.headers.location), login.state);
    await expect(
      harness.client.exchangeSocialCode({
        code,
        codeVerifier: 'x'.repeat(43),
        redirectUri: login.redirectUri,
      }),
    ).rejects.toMatchObject({ reason: 'refresh_revoked' });
  });

  it('runs the Builder ID device flow: pending, then tokens that work', async () => {
    const registration = await harness.client.registerOidcClient({ ssoRegion: builderIdRegion });
    const device = await harness.client.startDeviceAuthorization({
      ssoRegion: builderIdRegion,
      ...registration,
      startUrl: builderIdStartUrl,
    });
    expect(device.userCode).not.toBe('');
    const poll = () =>
      harness.client.pollDeviceToken({
        ssoRegion: builderIdRegion,
        ...registration,
        deviceCode: device.deviceCode,
        intervalSeconds: device.intervalSeconds,
      });
    expect(await poll()).toEqual({ status: 'pending' });
    expect(await poll()).toEqual({ status: 'pending' });
    const done = await poll();
    expect(done.status).toBe('success');
    if (done.status !== 'success') return;
    const account: KiroAccount = {
      id: 'builder-login',
      authMethod: 'builder-id',
      ssoRegion: builderIdRegion,
      credentials: { ...done.tokens, ...registration },
    };
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    expect((await readAll(response.events)).at(-1)?.type).toBe('message_stop');
  });

  it('reports denied and slowed-down device flows', async () => {
    const local = await startHarness({
      deviceFlow: { pollsBeforeApproval: null, enforceInterval: true, expiresInSeconds: 1 },
    });
    try {
      const registration = await local.client.registerOidcClient({
        ssoRegion: 'us-east-2',
        startUrl: idcStartUrl('d-9067000000'),
      });
      const start = () =>
        local.client.startDeviceAuthorization({
          ssoRegion: 'us-east-2',
          ...registration,
          startUrl: idcStartUrl('d-9067000000'),
        });
      const poll = (deviceCode: string) =>
        local.client.pollDeviceToken({
          ssoRegion: 'us-east-2',
          ...registration,
          deviceCode,
          intervalSeconds: 1,
        });
      const denied = await start();
      local.sim.denyDeviceAuthorization(denied.userCode);
      expect(await poll(denied.deviceCode)).toEqual({ status: 'denied' });
      const fast = await start();
      await poll(fast.deviceCode);
      expect(await poll(fast.deviceCode)).toEqual({ status: 'slow_down', intervalSeconds: 6 });
    } finally {
      await local.close();
    }
  });

  it('reports an expired device flow', async () => {
    let now = Date.now();
    const local = await startHarness({
      now: () => now,
      deviceFlow: { pollsBeforeApproval: null, expiresInSeconds: 60 },
    });
    try {
      const registration = await local.client.registerOidcClient({ ssoRegion: builderIdRegion });
      const device = await local.client.startDeviceAuthorization({
        ssoRegion: builderIdRegion,
        ...registration,
        startUrl: builderIdStartUrl,
      });
      now += 61_000;
      expect(
        await local.client.pollDeviceToken({
          ssoRegion: builderIdRegion,
          ...registration,
          deviceCode: device.deviceCode,
          intervalSeconds: device.intervalSeconds,
        }),
      ).toEqual({ status: 'expired' });
    } finally {
      await local.close();
    }
  });

  it('builds IdC start URLs from what users type', () => {
    expect(idcStartUrl('mycompany')).toBe('https://mycompany.awsapps.com/start');
    expect(idcStartUrl('https://d-123.awsapps.com/start/#/')).toBe(
      'https://d-123.awsapps.com/start',
    );
    expect(idcStartUrl('d-123.awsapps.com')).toBe('https://d-123.awsapps.com/start');
    expect(() => idcStartUrl('http://d-123.awsapps.com/start')).toThrow(/https/);
  });
});
