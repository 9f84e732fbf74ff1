import { describe, expect, it } from 'vitest';

import { parseEntraToken } from './entra-token';

const file = {
  accessToken: 'eyJ0eXAi',
  refreshToken: '1.AQ4A',
  expiresAt: '2026-12-06T22:00:00.000Z',
  provider: 'ExternalIdp',
  tokenEndpoint: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token',
  clientId: 'client-1',
  scopes: ['api://kiro/.default', 'offline_access'],
};

describe('reading an Entra ID token file', () => {
  it('keeps the file as it is when it says what it is', () => {
    expect(parseEntraToken(JSON.stringify(file))).toEqual({ ok: true, credentials: file });
  });

  it('marks an unlabelled file (snake_case too) as an external IdP sign-in', () => {
    const bare = { refresh_token: 'r', token_endpoint: file.tokenEndpoint, client_id: 'c' };
    expect(parseEntraToken(JSON.stringify(bare))).toEqual({
      ok: true,
      credentials: { ...bare, authMethod: 'external_idp' },
    });
  });

  it('says why anything else cannot be sent', () => {
    expect(parseEntraToken('{"refreshToken":')).toEqual({ ok: false, problem: 'invalidJson' });
    expect(parseEntraToken('[]')).toEqual({ ok: false, problem: 'notExternalIdp' });
    expect(parseEntraToken(JSON.stringify({ refreshToken: 'aor', authMethod: 'social' }))).toEqual({
      ok: false,
      problem: 'notExternalIdp',
    });
  });
});
