import { describe, expect, it } from 'vitest';

import { parseToken, parseTokenText, tokenKind } from './kiro-token-file';

describe('Kiro token files', () => {
  it('accepts a social token as it is', () => {
    const token = {
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: '2026-01-01T00:00:00.000Z',
      authMethod: 'social',
      provider: 'Google',
      profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/X',
    };
    expect(parseTokenText(JSON.stringify(token))).toEqual({
      ok: true,
      kind: 'social',
      credentials: token,
    });
  });

  it('needs the client registration for Builder ID and IAM Identity Center, and names its file', () => {
    const token = {
      refreshToken: 'r',
      authMethod: 'IdC',
      provider: 'BuilderId',
      clientIdHash: 'abc',
    };
    expect(parseTokenText(JSON.stringify(token))).toEqual({
      ok: false,
      problem: 'missingRegistration',
      clientIdHash: 'abc',
    });
    const merged = parseTokenText(
      JSON.stringify(token),
      '{"clientId":"id","clientSecret":"secret"}',
    );
    expect(merged).toEqual({
      ok: true,
      kind: 'idc',
      credentials: { ...token, clientId: 'id', clientSecret: 'secret' },
    });
  });

  it('tells apart the mistakes people make', () => {
    expect(parseTokenText('{')).toEqual({ ok: false, problem: 'invalidJson' });
    expect(parseTokenText('[]')).toEqual({ ok: false, problem: 'notAnObject' });
    expect(parseTokenText('{"accessToken":"a"}')).toEqual({
      ok: false,
      problem: 'missingRefreshToken',
    });
    expect(parseTokenText('{"clientId":"c","clientSecret":"s"}')).toEqual({
      ok: false,
      problem: 'isRegistration',
    });
    expect(parseTokenText('{"refreshToken":"r","authMethod":"IdC"}', '{"clientId":"c"}')).toEqual({
      ok: false,
      problem: 'invalidRegistration',
    });
  });

  it("reads kiro-cli's snake_case fields", () => {
    const parsed = parseToken({
      refresh_token: 'r',
      client_id: 'c',
      client_secret: 's',
      region: 'us-east-1',
    });
    expect(parsed).toEqual({
      ok: true,
      kind: 'builder-id',
      credentials: { refreshToken: 'r', clientId: 'c', clientSecret: 's', region: 'us-east-1' },
    });
  });

  it('infers the kind when authMethod is missing', () => {
    expect(tokenKind({ refreshToken: 'r', profileArn: 'arn' })).toBe('social');
    expect(tokenKind({ refreshToken: 'r', clientIdHash: 'h' })).toBe('builder-id');
    expect(tokenKind({ refreshToken: 'r', provider: 'Enterprise' })).toBe('idc');
  });
});
