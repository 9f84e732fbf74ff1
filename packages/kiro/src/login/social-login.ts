import { createHash, randomBytes } from 'node:crypto';

import { KiroTokenError } from '../errors/kiro-errors';
import { parseUpstreamErrorBody } from '../errors/classify-http-error';
import { parseTokenResponse, type KiroTokenSet } from '../auth/refresh-token';
import { endpointUrl, resolveEndpoints, type KiroEndpoints } from '../http/endpoints';
import { jsonCall } from '../http/http-call';
import { loginSignal, type LoginContext } from './login-context';

/** The identity providers of Kiro's social login. */
export type KiroSocialProvider = 'Google' | 'Github';

/** The redirect URI the Kiro IDE registers; Kiro refuses most others. */
export const kiroIdeRedirectUri = 'kiro://kiro.kiroAgent/authenticate-success';

export interface SocialLoginStart {
  /** Open this in the user's browser. */
  url: string;
  /** Keep both until the callback arrives; `state` must match the callback's. */
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Starts a social (Google/GitHub) login: a PKCE authorize URL with a fresh verifier and state. */
export function startSocialLogin(options: {
  provider: KiroSocialProvider;
  redirectUri?: string;
  endpoints?: Partial<KiroEndpoints>;
}): SocialLoginStart {
  const endpoints = resolveEndpoints(options.endpoints);
  const codeVerifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const redirectUri = options.redirectUri ?? kiroIdeRedirectUri;
  const params = new URLSearchParams({
    idp: options.provider,
    redirect_uri: redirectUri,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    prompt: 'select_account',
  });
  return {
    url: `${endpointUrl({ template: endpoints.auth, region: endpoints.authRegion, path: '/login' })}?${params.toString()}`,
    state,
    codeVerifier,
    redirectUri,
  };
}

/**
 * Reads the callback URL (`kiro://…?code=…&state=…` or a loopback URL) and checks its state.
 * @throws KiroTokenError when the state does not match or the provider returned an error.
 */
export function parseSocialCallback(callbackUrl: string, expectedState: string): { code: string } {
  const params = new URL(callbackUrl).searchParams;
  const error = params.get('error');
  if (error !== null) {
    throw new KiroTokenError({
      reason: 'refresh_revoked',
      message: `Login was refused: ${error}.`,
    });
  }
  const code = params.get('code');
  if (code === null || params.get('state') !== expectedState) {
    throw new KiroTokenError({
      reason: 'refresh_revoked',
      message: 'The login callback is not for this login (missing code or wrong state).',
    });
  }
  return { code };
}

/** Exchanges the authorization code for tokens (`POST /oauth/token`). */
export async function exchangeSocialCode(
  context: LoginContext,
  options: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
    invitationCode?: string;
    proxyUrl?: string;
    signal?: AbortSignal;
  },
): Promise<KiroTokenSet> {
  const signal = loginSignal(context, options.signal);
  const result = await jsonCall({
    url: endpointUrl({
      template: context.endpoints.auth,
      region: context.endpoints.authRegion,
      path: '/oauth/token',
    }),
    method: 'POST',
    headers: context.headers.socialAuth(undefined),
    body: JSON.stringify({
      code: options.code,
      code_verifier: options.codeVerifier,
      redirect_uri: options.redirectUri,
      ...(options.invitationCode ? { invitation_code: options.invitationCode } : {}),
    }),
    dispatcher: context.dispatcherFor({ proxyUrl: options.proxyUrl }),
    signal,
    headersTimeoutMs: context.requestMs,
    bodyTimeoutMs: context.requestMs,
  });
  const tokens = result.status === 200 ? parseTokenResponse(result.json, context.now()) : undefined;
  if (tokens === undefined) {
    throw new KiroTokenError({
      reason: result.status >= 500 ? 'refresh_failed' : 'refresh_revoked',
      message: 'The login code could not be exchanged for tokens.',
      upstream: parseUpstreamErrorBody(result.status, result.text),
    });
  }
  return tokens;
}
