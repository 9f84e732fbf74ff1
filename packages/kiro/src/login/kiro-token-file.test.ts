import { describe, expect, it } from 'vitest';

import { parseKiroTokenFile } from './kiro-token-file';

describe('parseKiroTokenFile', () => {
  it('reads a social token file', () => {
    const parsed = parseKiroTokenFile({
      tokenFile: JSON.stringify({
        accessToken: 'aoa',
        refreshToken: 'aor',
        expiresAt: '2026-01-01T00:00:00.000Z',
        authMethod: 'social',
        provider: 'Github',
        profileArn: 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK',
      }),
    });
    expect(parsed).toEqual({
      account: {
        authMethod: 'social',
        provider: 'Github',
        startUrl: undefined,
        profileArn: 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK',
        ssoRegion: undefined,
        credentials: {
          accessToken: 'aoa',
          refreshToken: 'aor',
          expiresAt: '2026-01-01T00:00:00.000Z',
          clientId: undefined,
          clientSecret: undefined,
          clientSecretExpiresAt: undefined,
        },
      },
      missingRegistrationFile: undefined,
    });
  });

  it('asks for the clientIdHash companion of a Builder ID file, and merges it', () => {
    const tokenFile = {
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: '2026-01-01T00:00:00.000Z',
      authMethod: 'IdC',
      provider: 'BuilderId',
      clientIdHash: 'abc123',
      region: 'us-east-1',
    };
    expect(parseKiroTokenFile({ tokenFile }).missingRegistrationFile).toBe('abc123.json');
    const merged = parseKiroTokenFile({
      tokenFile,
      registrationFile: {
        clientId: 'cid',
        clientSecret: 'secret',
        expiresAt: '2026-03-01T00:00:00.000Z',
      },
    });
    expect(merged.missingRegistrationFile).toBeUndefined();
    expect(merged.account).toMatchObject({
      authMethod: 'builder-id',
      ssoRegion: 'us-east-1',
      credentials: {
        clientId: 'cid',
        clientSecret: 'secret',
        clientSecretExpiresAt: '2026-03-01T00:00:00.000Z',
      },
    });
  });

  it('recognises IdC (Enterprise) files and rejects what it cannot use', () => {
    expect(
      parseKiroTokenFile({
        tokenFile: {
          refreshToken: 'r',
          authMethod: 'IdC',
          provider: 'Enterprise',
          region: 'eu-west-1',
          clientIdHash: 'h',
        },
      }).account,
    ).toMatchObject({ authMethod: 'idc', ssoRegion: 'eu-west-1' });
    expect(() => parseKiroTokenFile({ tokenFile: { foo: 1 } })).toThrow(/Not a Kiro token file/);
    expect(() =>
      parseKiroTokenFile({ tokenFile: { refreshToken: 'r', provider: 'ExternalIdp' } }),
    ).toThrow(/needs tokenEndpoint, clientId and refreshToken/);
  });

  it('reads external IdP (Entra ID) files and Kiro API keys', () => {
    const entra = parseKiroTokenFile({
      tokenFile: {
        accessToken: 'eyJ0',
        refreshToken: '0.AXEA',
        authMethod: 'external_idp',
        provider: 'ExternalIdp',
        tokenEndpoint: 'https://login.microsoftonline.com/contoso/oauth2/v2.0/token',
        clientId: 'app-id',
        scopes: ['api://kiro/codewhisperer', 'offline_access'],
        region: 'us-east-1',
      },
    });
    expect(entra.missingRegistrationFile).toBeUndefined();
    expect(entra.account).toMatchObject({
      authMethod: 'external-idp',
      ssoRegion: undefined,
      credentials: {
        clientId: 'app-id',
        tokenEndpoint: 'https://login.microsoftonline.com/contoso/oauth2/v2.0/token',
        scopes: 'api://kiro/codewhisperer offline_access',
      },
    });
    expect(parseKiroTokenFile({ tokenFile: { accessToken: 'ksk_abc' } }).account).toMatchObject({
      authMethod: 'api-key',
      credentials: { accessToken: 'ksk_abc' },
    });
  });
});
