import { z } from 'zod';

import { parseTokenResponse, type KiroTokenSet } from '../auth/refresh-token';
import { parseUpstreamErrorBody } from '../errors/classify-http-error';
import { KiroTokenError } from '../errors/kiro-errors';
import { endpointUrl } from '../http/endpoints';
import { jsonCall, type JsonCallResult } from '../http/http-call';
import { loginSignal, type LoginContext } from './login-context';

/** Builder ID's start URL; IdC accounts use their organisation's. */
export const builderIdStartUrl = 'https://view.awsapps.com/start';
/** Builder ID always lives in us-east-1. */
export const builderIdRegion = 'us-east-1';
export const kiroOidcScopes: readonly string[] = [
  'codewhisperer:completions',
  'codewhisperer:analysis',
  'codewhisperer:conversations',
];

const registrationSchema = z.looseObject({
  clientId: z.string(),
  clientSecret: z.string(),
  clientSecretExpiresAt: z.number().nullish(),
});

const deviceSchema = z.looseObject({
  deviceCode: z.string(),
  userCode: z.string(),
  verificationUri: z.string(),
  verificationUriComplete: z.string().nullish(),
  expiresIn: z.number().nullish(),
  interval: z.number().nullish(),
});

export interface OidcClientRegistration {
  clientId: string;
  clientSecret: string;
  /** ISO-8601; refreshes stop working after it (about 90 days). */
  clientSecretExpiresAt: string | undefined;
}

export interface DeviceAuthorization {
  deviceCode: string;
  /** Show this to the user. */
  userCode: string;
  verificationUri: string;
  /** The verification URL with the code filled in, when given. */
  verificationUriComplete: string | undefined;
  /** ISO-8601. */
  expiresAt: string;
  /** Seconds between polls. */
  intervalSeconds: number;
}

/** One poll's outcome. `slow_down` carries the new interval (the old one plus 5 s). */
export type DevicePollResult =
  | { status: 'pending' }
  | { status: 'slow_down'; intervalSeconds: number }
  | { status: 'expired' }
  | { status: 'denied' }
  | { status: 'success'; tokens: KiroTokenSet };

export interface OidcCall {
  ssoRegion: string;
  proxyUrl?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** One JSON POST to the SSO-OIDC service of `ssoRegion`. */
export function oidcCall(
  context: LoginContext,
  options: OidcCall & { path: string; body: unknown },
): Promise<JsonCallResult> {
  return jsonCall({
    url: endpointUrl({
      template: context.endpoints.oidc,
      region: options.ssoRegion,
      path: options.path,
    }),
    method: 'POST',
    headers: context.headers.oidc(),
    body: JSON.stringify(options.body),
    dispatcher: context.dispatcherFor({ proxyUrl: options.proxyUrl }),
    signal: loginSignal(context, options.signal),
    headersTimeoutMs: context.requestMs,
    bodyTimeoutMs: context.requestMs,
  });
}

export function oidcFailure(result: JsonCallResult, what: string): KiroTokenError {
  return new KiroTokenError({
    reason: result.status >= 500 ? 'refresh_failed' : 'refresh_revoked',
    message: `SSO-OIDC ${what} failed with status ${result.status}.`,
    upstream: parseUpstreamErrorBody(result.status, result.text),
  });
}

/**
 * `POST /client/register`: a public client for the device-code flow, or, with `redirectUris`, for the
 * authorization-code + PKCE flow (kiro-protocol.md §5.3, §5.4).
 */
export async function registerOidcClient(
  context: LoginContext,
  options: OidcCall & {
    startUrl?: string | undefined;
    clientName?: string | undefined;
    redirectUris?: readonly string[] | undefined;
  },
): Promise<OidcClientRegistration> {
  const authCode = options.redirectUris !== undefined && options.redirectUris.length > 0;
  const result = await oidcCall(context, {
    ...options,
    path: '/client/register',
    body: {
      clientName: options.clientName ?? 'Kiro IDE',
      clientType: 'public',
      scopes: kiroOidcScopes,
      grantTypes: authCode
        ? ['authorization_code', 'refresh_token']
        : ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      ...(authCode ? { redirectUris: options.redirectUris } : {}),
      ...(options.startUrl ? { issuerUrl: options.startUrl } : {}),
    },
  });
  const parsed = registrationSchema.safeParse(result.json);
  if (result.status !== 200 || !parsed.success) throw oidcFailure(result, 'client registration');
  const expiry = parsed.data.clientSecretExpiresAt;
  return {
    clientId: parsed.data.clientId,
    clientSecret: parsed.data.clientSecret,
    clientSecretExpiresAt: expiry == null ? undefined : new Date(expiry * 1000).toISOString(),
  };
}

/** `POST /device_authorization`: the user code to show and the device code to poll with. */
export async function startDeviceAuthorization(
  context: LoginContext,
  options: OidcCall & { clientId: string; clientSecret: string; startUrl: string },
): Promise<DeviceAuthorization> {
  const result = await oidcCall(context, {
    ...options,
    path: '/device_authorization',
    body: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      startUrl: options.startUrl,
    },
  });
  const parsed = deviceSchema.safeParse(result.json);
  if (result.status !== 200 || !parsed.success) throw oidcFailure(result, 'device authorization');
  return {
    deviceCode: parsed.data.deviceCode,
    userCode: parsed.data.userCode,
    verificationUri: parsed.data.verificationUri,
    verificationUriComplete: parsed.data.verificationUriComplete ?? undefined,
    expiresAt: new Date(context.now() + (parsed.data.expiresIn ?? 600) * 1000).toISOString(),
    intervalSeconds: parsed.data.interval ?? 5,
  };
}

/** One `POST /token` poll of the device-code flow. Never sleeps: the caller schedules polls. */
export async function pollDeviceToken(
  context: LoginContext,
  options: OidcCall & {
    clientId: string;
    clientSecret: string;
    deviceCode: string;
    intervalSeconds: number;
  },
): Promise<DevicePollResult> {
  const result = await oidcCall(context, {
    ...options,
    path: '/token',
    body: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      grantType: 'urn:ietf:params:oauth:grant-type:device_code',
      deviceCode: options.deviceCode,
    },
  });
  if (result.status === 200) {
    const tokens = parseTokenResponse(result.json, context.now());
    if (tokens !== undefined) return { status: 'success', tokens };
    throw oidcFailure(result, 'token poll');
  }
  const error = (result.json as { error?: unknown } | undefined)?.error;
  switch (error) {
    case 'authorization_pending':
      return { status: 'pending' };
    case 'slow_down':
      return { status: 'slow_down', intervalSeconds: options.intervalSeconds + 5 };
    case 'expired_token':
      return { status: 'expired' };
    case 'access_denied':
      return { status: 'denied' };
    default:
      throw oidcFailure(result, 'token poll');
  }
}

/**
 * An IAM Identity Center start URL from what a user types: a full URL, `name.awsapps.com`, or just
 * the directory name (`mycompany`, `d-1234567890`).
 */
export function idcStartUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const url = new URL(
    /^[a-z0-9-]+$/i.test(trimmed) ? `https://${trimmed}.awsapps.com/start` : withScheme,
  );
  if (url.protocol !== 'https:')
    throw new TypeError('An IAM Identity Center start URL must use https.');
  if (!url.pathname.startsWith('/start')) url.pathname = '/start';
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/$/, '');
}
