import type { Dispatcher } from 'undici';
import { z } from 'zod';

import type { KiroAccount } from '../account';
import { parseUpstreamErrorBody } from '../errors/classify-http-error';
import { KiroTokenError } from '../errors/kiro-errors';
import { jsonCall } from '../http/http-call';
import type { KiroTokenSet } from './refresh-token';

/** Entra ID's token hosts; the only ones a stored token endpoint may name by default. */
const microsoftHostPattern = /^(?:[a-z0-9-]+\.)*microsoftonline\.com$/;

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().nullish(),
  expires_in: z.union([z.number(), z.string()]).nullish(),
});

/**
 * Whether an account's token endpoint may be called: https on `*.microsoftonline.com`, or a host
 * the caller configured (the client's own overridden endpoints, a test IdP). The endpoint comes from
 * an imported file, so anything else would let a crafted file make the server call any address.
 */
export function isAllowedTokenEndpoint(endpoint: string, extraHosts: ReadonlySet<string>): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (extraHosts.has(url.host.toLowerCase()))
    return url.protocol === 'https:' || url.protocol === 'http:';
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    microsoftHostPattern.test(url.hostname.toLowerCase())
  );
}

/**
 * Refreshes an external-IdP (Entra ID) account: a form-urlencoded OAuth 2.0 refresh grant at the
 * account's own token endpoint (kiro-protocol.md §5.6).
 */
export async function refreshExternalIdpToken(options: {
  account: KiroAccount;
  refreshToken: string;
  allowedHosts: ReadonlySet<string>;
  dispatcher: Dispatcher;
  timeoutMs: number;
  now: () => number;
}): Promise<KiroTokenSet> {
  const { tokenEndpoint, clientId, scopes } = options.account.credentials;
  if (!tokenEndpoint || !clientId) {
    throw new KiroTokenError({
      reason: 'refresh_revoked',
      message: 'The external IdP account has no token endpoint or client id to refresh with.',
    });
  }
  if (!isAllowedTokenEndpoint(tokenEndpoint, options.allowedHosts)) {
    throw new KiroTokenError({
      reason: 'refresh_revoked',
      message:
        'The external IdP token endpoint is not an allowed host (https on *.microsoftonline.com).',
    });
  }
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: clientId,
    refresh_token: options.refreshToken,
  });
  if (scopes) form.set('scope', scopes);
  const result = await jsonCall({
    url: tokenEndpoint,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: form.toString(),
    dispatcher: options.dispatcher,
    signal: AbortSignal.timeout(options.timeoutMs),
    headersTimeoutMs: options.timeoutMs,
    bodyTimeoutMs: options.timeoutMs,
  }).catch((error: unknown) => {
    throw new KiroTokenError({ reason: 'refresh_failed', cause: error });
  });
  const parsed = tokenResponseSchema.safeParse(result.json);
  if (result.status !== 200 || !parsed.success) {
    const error = (result.json as { error?: unknown } | undefined)?.error;
    const revoked =
      result.status >= 400 &&
      result.status < 500 &&
      (error === 'invalid_grant' || error === 'invalid_client' || error === 'unauthorized_client');
    throw new KiroTokenError({
      reason: revoked ? 'refresh_revoked' : 'refresh_failed',
      message: `The external IdP token endpoint answered ${result.status}.`,
      upstream: parseUpstreamErrorBody(result.status, result.text),
    });
  }
  const expiresIn = Number(parsed.data.expires_in ?? 3600);
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? undefined,
    expiresAt: new Date(
      options.now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
    ).toISOString(),
  };
}
