import type { Dispatcher } from 'undici';
import { z } from 'zod';

import { ssoRegionOf, type KiroAccount } from '../account';
import { KiroTokenError } from '../errors/kiro-errors';
import { parseUpstreamErrorBody } from '../errors/classify-http-error';
import { endpointUrl, type KiroEndpoints } from '../http/endpoints';
import { jsonCall, type JsonCallResult } from '../http/http-call';
import type { KiroHeaders } from '../http/kiro-headers';
import { refreshExternalIdpToken } from './external-idp-refresh';

/** What a refresh (or a login) yields. */
export interface KiroTokenSet {
  accessToken: string;
  /** Absent when the service kept the old refresh token. */
  refreshToken?: string | undefined;
  /** ISO-8601. */
  expiresAt: string;
  profileArn?: string | undefined;
}

const tokenResponseSchema = z.looseObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().nullish(),
  expiresIn: z.number().nullish(),
  expiresAt: z.string().nullish(),
  profileArn: z.string().nullish(),
});

export interface RefreshContext {
  endpoints: KiroEndpoints;
  headers: KiroHeaders;
  dispatcher: Dispatcher;
  machineId: string;
  timeoutMs: number;
  now: () => number;
  /** Hosts an external IdP token endpoint may name besides `*.microsoftonline.com`. */
  externalIdpHosts: ReadonlySet<string>;
}

/** Parses a token endpoint's success body (social and OIDC share the camelCase fields). */
export function parseTokenResponse(json: unknown, now: number): KiroTokenSet | undefined {
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { accessToken, refreshToken, expiresIn, expiresAt, profileArn } = parsed.data;
  const expiry =
    expiresIn != null
      ? new Date(now + expiresIn * 1000).toISOString()
      : expiresAt && !Number.isNaN(Date.parse(expiresAt))
        ? new Date(Date.parse(expiresAt)).toISOString()
        : new Date(now + 3600 * 1000).toISOString();
  return {
    accessToken,
    refreshToken: refreshToken ?? undefined,
    expiresAt: expiry,
    profileArn: profileArn ?? undefined,
  };
}

function failure(result: JsonCallResult): KiroTokenError {
  const upstream = parseUpstreamErrorBody(result.status, result.text);
  const error = (result.json as { error?: unknown } | undefined)?.error;
  const revoked =
    result.status === 400 || result.status === 401 || result.status === 403
      ? error === 'invalid_grant' ||
        error === 'invalid_client' ||
        error === 'unauthorized_client' ||
        /invalid_grant|invalid refresh token|expired|revoked|invalid_client/i.test(result.text) ||
        result.status === 401
      : false;
  return new KiroTokenError({
    reason: revoked ? 'refresh_revoked' : 'refresh_failed',
    upstream: { ...upstream, reason: typeof error === 'string' ? error : upstream.reason },
  });
}

/** Refreshes an account's access token with the method its login used. */
export async function refreshAccountToken(options: {
  account: KiroAccount;
  refreshToken: string;
  context: RefreshContext;
}): Promise<KiroTokenSet> {
  const { account, refreshToken, context } = options;
  if (account.authMethod === 'external-idp') {
    return refreshExternalIdpToken({
      account,
      refreshToken,
      allowedHosts: context.externalIdpHosts,
      dispatcher: context.dispatcher,
      timeoutMs: context.timeoutMs,
      now: context.now,
    });
  }
  const social = account.authMethod === 'social';
  const { clientId, clientSecret, clientSecretExpiresAt } = account.credentials;
  if (!social) {
    if (!clientId || !clientSecret) {
      throw new KiroTokenError({
        reason: 'refresh_revoked',
        message: 'The upstream account has no client registration to refresh its token with.',
      });
    }
    if (clientSecretExpiresAt && Date.parse(clientSecretExpiresAt) <= context.now()) {
      throw new KiroTokenError({
        reason: 'refresh_revoked',
        message: 'The upstream account needs to log in again: its client registration expired.',
      });
    }
  }
  const result = await jsonCall({
    url: social
      ? endpointUrl({
          template: context.endpoints.auth,
          region: context.endpoints.authRegion,
          path: '/refreshToken',
        })
      : endpointUrl({
          template: context.endpoints.oidc,
          region: ssoRegionOf(account),
          path: '/token',
        }),
    method: 'POST',
    headers: social ? context.headers.socialAuth(context.machineId) : context.headers.oidc(),
    body: JSON.stringify(
      social
        ? { refreshToken }
        : { clientId, clientSecret, grantType: 'refresh_token', refreshToken },
    ),
    dispatcher: context.dispatcher,
    signal: AbortSignal.timeout(context.timeoutMs),
    headersTimeoutMs: context.timeoutMs,
    bodyTimeoutMs: context.timeoutMs,
  }).catch((error: unknown) => {
    throw new KiroTokenError({ reason: 'refresh_failed', cause: error });
  });
  if (result.status < 200 || result.status >= 300) throw failure(result);
  const tokens = parseTokenResponse(result.json, context.now());
  if (tokens === undefined) {
    throw new KiroTokenError({
      reason: 'refresh_failed',
      message: 'The upstream token service answered without an access token.',
    });
  }
  return tokens;
}
