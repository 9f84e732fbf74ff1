import { describe, expect, it } from 'vitest';

import {
  checkKiroTokenRecord,
  classifyKiroCredentialFile,
  fromKiroCliRecord,
  kiroCliLoginOfKey,
  withClientRegistration,
} from './kiro-credential-file';

const now = Date.parse('2026-06-01T00:00:00Z');
const future = '2026-09-01T00:00:00.000Z';
const past = '2026-01-01T00:00:00.000Z';

describe('classifyKiroCredentialFile', () => {
  it('tells Kiro tokens, registrations, kiro-cli records and AWS CLI logins apart', () => {
    expect(
      classifyKiroCredentialFile({ accessToken: 'a', refreshToken: 'r', authMethod: 'social' }),
    ).toBe('kiro-token');
    expect(
      classifyKiroCredentialFile({ refreshToken: 'r', authMethod: 'IdC', clientIdHash: 'h' }),
    ).toBe('kiro-token');
    expect(
      classifyKiroCredentialFile({ clientId: 'c', clientSecret: 's', expiresAt: future }),
    ).toBe('client-registration');
    expect(classifyKiroCredentialFile({ access_token: 'a', refresh_token: 'r' })).toBe(
      'kiro-cli-token',
    );
    expect(classifyKiroCredentialFile({ client_id: 'c', client_secret: 's' })).toBe(
      'kiro-cli-registration',
    );
    // `aws sso login` writes this: an SSO token with no sign of Kiro.
    expect(
      classifyKiroCredentialFile({
        startUrl: 'https://d-1.awsapps.com/start',
        region: 'us-east-1',
        accessToken: 'a',
        expiresAt: future,
        clientId: 'c',
        clientSecret: 's',
        refreshToken: 'r',
      }),
    ).toBe('aws-sso-token');
    expect(
      classifyKiroCredentialFile({ ProviderType: 'sso', Credentials: { AccessKeyId: 'A' } }),
    ).toBe('other');
    expect(classifyKiroCredentialFile([1])).toBe('other');
  });
});

describe('fromKiroCliRecord', () => {
  it('maps an IdC record and its device registration to the token-file shape', () => {
    const record = fromKiroCliRecord({
      token: {
        access_token: 'a',
        refresh_token: 'r',
        expires_at: '2026-07-01T10:00:00.123456789Z',
        region: 'eu-west-1',
        start_url: 'https://d-9.awsapps.com/start',
      },
      registration: { client_id: 'c', client_secret: 's', expires_at: future },
      login: kiroCliLoginOfKey('kirocli:odic:token'),
    });
    expect(record).toEqual({
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: '2026-07-01T10:00:00.123Z',
      authMethod: 'IdC',
      provider: 'Enterprise',
      region: 'eu-west-1',
      startUrl: 'https://d-9.awsapps.com/start',
      clientId: 'c',
      clientSecret: 's',
      clientSecretExpiresAt: future,
    });
  });

  it('maps social and Builder ID records', () => {
    expect(
      fromKiroCliRecord({
        token: { access_token: 'a', refresh_token: 'r', expires_at: future },
        login: kiroCliLoginOfKey('kirocli:social:token'),
        profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/P',
      }),
    ).toMatchObject({
      authMethod: 'social',
      profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/P',
    });
    expect(
      fromKiroCliRecord({
        token: { access_token: 'a', refresh_token: 'r', region: 'us-east-1' },
        registration: { client_id: 'c', client_secret: 's' },
        login: kiroCliLoginOfKey('codewhisperer:odic:token'),
      }),
    ).toMatchObject({ authMethod: 'builder-id', provider: 'BuilderId', clientId: 'c' });
    expect(kiroCliLoginOfKey('kirocli:odic:device-registration')).toBeUndefined();
  });
});

describe('checkKiroTokenRecord', () => {
  const idc = { refreshToken: 'r', authMethod: 'IdC', clientIdHash: 'abc', region: 'us-east-2' };

  it('asks for the client registration of an IdC token, and accepts it merged', () => {
    expect(checkKiroTokenRecord(idc, now).problem).toMatch(/abc\.json.*missing/);
    const merged = withClientRegistration(idc, {
      clientId: 'c',
      clientSecret: 's',
      expiresAt: future,
    });
    expect(checkKiroTokenRecord(merged, now)).toEqual({ problem: undefined, warnings: [] });
  });

  it('refuses an expired registration and an expired token without refresh token', () => {
    const expired = withClientRegistration(idc, {
      clientId: 'c',
      clientSecret: 's',
      expiresAt: past,
    });
    expect(checkKiroTokenRecord(expired, now).problem).toMatch(/registration has expired/);
    expect(
      checkKiroTokenRecord({ accessToken: 'a', expiresAt: past, authMethod: 'social' }, now)
        .problem,
    ).toMatch(/expired and there is no refresh token/);
  });

  it('warns about an expired access token that a refresh can renew', () => {
    const check = checkKiroTokenRecord(
      { accessToken: 'a', refreshToken: 'r', expiresAt: past, authMethod: 'social' },
      now,
    );
    expect(check.problem).toBeUndefined();
    expect(check.warnings).toEqual([expect.stringMatching(/refreshed on first use/)]);
  });
});
