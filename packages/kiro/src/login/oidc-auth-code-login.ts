import { createHash, randomBytes } from 'node:crypto';

import { parseTokenResponse, type KiroTokenSet } from '../auth/refresh-token';
import { endpointUrl, resolveEndpoints, type KiroEndpoints } from '../http/endpoints';
import type { LoginContext } from './login-context';
import { kiroOidcScopes, oidcCall, oidcFailure, type OidcCall } from './oidc-device-login';

export interface OidcAuthCodeStart {
  /** Open this in the user's browser (the SSO sign-in page of the organisation). */
  url: string;
  /** Keep both until the callback arrives; `state` must match the callback's. */
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

/**
 * The browser step of the IAM Identity Center authorization-code + PKCE login (kiro-protocol.md
 * §5.4): `GET /authorize` on the SSO region's OIDC host for a client registered with this
 * `redirectUri` (`registerOidcClient({ redirectUris })`). The callback is read with
 * `parseSocialCallback`, which checks `state` the same way.
 */
export function startOidcAuthCodeLogin(options: {
  clientId: string;
  ssoRegion: string;
  redirectUri: string;
  endpoints?: Partial<KiroEndpoints>;
}): OidcAuthCodeStart {
  const endpoints = resolveEndpoints(options.endpoints);
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scopes: kiroOidcScopes.join(','),
    state,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  const base = endpointUrl({
    template: endpoints.oidc,
    region: options.ssoRegion,
    path: '/authorize',
  });
  return {
    url: `${base}?${params.toString()}`,
    state,
    codeVerifier,
    redirectUri: options.redirectUri,
  };
}

/** `POST /token` with the authorization code, the PKCE verifier and the registered redirect URI. */
export async function exchangeOidcAuthCode(
  context: LoginContext,
  options: OidcCall & {
    clientId: string;
    clientSecret: string;
    code: string;
    codeVerifier: string;
    redirectUri: string;
  },
): Promise<KiroTokenSet> {
  const result = await oidcCall(context, {
    ...options,
    path: '/token',
    body: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      grantType: 'authorization_code',
      redirectUri: options.redirectUri,
      code: options.code,
      codeVerifier: options.codeVerifier,
    },
  });
  const tokens = result.status === 200 ? parseTokenResponse(result.json, context.now()) : undefined;
  if (tokens === undefined) throw oidcFailure(result, 'code exchange');
  return tokens;
}
