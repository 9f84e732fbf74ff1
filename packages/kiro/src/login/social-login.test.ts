import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { kiroIdeRedirectUri, parseSocialCallback, startSocialLogin } from './social-login';

describe('startSocialLogin', () => {
  it('builds a PKCE S256 authorize URL on the auth host', () => {
    const login = startSocialLogin({ provider: 'Google' });
    const url = new URL(login.url);
    expect(url.origin + url.pathname).toBe('https://prod.us-east-1.auth.desktop.kiro.dev/login');
    expect(url.searchParams.get('idp')).toBe('Google');
    expect(url.searchParams.get('redirect_uri')).toBe(kiroIdeRedirectUri);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(login.codeVerifier).digest('base64url'),
    );
    expect(url.searchParams.get('state')).toBe(login.state);
    expect(login.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(startSocialLogin({ provider: 'Google' }).state).not.toBe(login.state);
  });

  it('reads the kiro:// callback and reports provider errors', () => {
    expect(parseSocialCallback(`${kiroIdeRedirectUri}?code=c1&state=s1`, 's1')).toEqual({
      code: 'c1',
    });
    expect(() =>
      parseSocialCallback(`${kiroIdeRedirectUri}?error=access_denied&state=s1`, 's1'),
    ).toThrow(/refused: access_denied/);
  });
});
