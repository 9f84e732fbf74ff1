import { z } from 'zod';

import type { OidcClient } from '../../accounts/oidc-clients';
import { pkceChallengeOf } from '../../accounts/secrets';
import { isPlainObject, jsonBodyOf, type Exchange } from '../../http/exchange';
import { sendJson, sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';
import { parseOAuthBody } from '../parse-oauth-input';
import { completeOidcLogin } from './complete-oidc-login';
import { pollDeviceFlow } from './device-code-grant';
import { authenticateClient } from './oidc-client-auth';

const deviceCodeGrantType = 'urn:ietf:params:oauth:grant-type:device_code';

/** camelCase JSON, not form-urlencoded (kiro-protocol.md §5.2). */
const tokenBody = z.discriminatedUnion('grantType', [
  z.object({
    grantType: z.literal('refresh_token'),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    refreshToken: z.string().min(1),
  }),
  z.object({
    grantType: z.literal(deviceCodeGrantType),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    deviceCode: z.string().min(1),
  }),
  z.object({
    grantType: z.literal('authorization_code'),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    code: z.string().min(1),
    codeVerifier: z.string().min(43).max(128),
    redirectUri: z.string().min(1),
  }),
]);

const invalidGrant = (exchange: Exchange, description: string): void => {
  sendOAuthError(exchange, { status: 400, error: 'invalid_grant', description });
};

function refreshGrant(
  exchange: Exchange,
  core: SimulatorCore,
  input: { client: OidcClient; refreshToken: string },
): void {
  const found = core.accounts.lookupRefreshToken(input.refreshToken);
  exchange.log.accountId = found?.account.id;
  const refreshed =
    found?.account.client?.clientId === input.client.clientId
      ? core.accounts.refresh(input.refreshToken)
      : undefined;
  if (refreshed === undefined) {
    invalidGrant(exchange, 'Invalid refresh token provided');
    return;
  }
  const { tokens } = refreshed;
  sendJson(exchange, 200, {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    expiresIn: tokens.expiresIn,
    tokenType: 'Bearer',
  });
}

function authorizationCodeGrant(
  exchange: Exchange,
  core: SimulatorCore,
  input: { client: OidcClient; code: string; codeVerifier: string; redirectUri: string },
): void {
  const code = core.logins.redeemCode(input.code);
  if (
    code?.clientId !== input.client.clientId ||
    code.redirectUri !== input.redirectUri ||
    pkceChallengeOf(input.codeVerifier) !== code.codeChallenge
  ) {
    invalidGrant(exchange, 'Invalid authorization code, redirect URI or code verifier');
    return;
  }
  completeOidcLogin(exchange, core, {
    client: input.client,
    ssoRegion: input.client.region,
    account: {
      authMethod: 'idc',
      ...(input.client.issuerUrl === undefined ? {} : { startUrl: input.client.issuerUrl }),
    },
  });
}

/** SSO-OIDC `POST /token`: refresh_token, device_code and authorization_code grants. */
export function oidcToken(exchange: Exchange, core: SimulatorCore): void {
  const fault = core.faults.takeRequestFault('oidcToken', undefined);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault);
    return;
  }
  const raw = jsonBodyOf(exchange);
  const grantType = isPlainObject(raw) ? raw['grantType'] : undefined;
  if (
    typeof grantType === 'string' &&
    !['refresh_token', deviceCodeGrantType, 'authorization_code'].includes(grantType)
  ) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'unsupported_grant_type',
      description: `Unsupported grant type ${grantType}`,
    });
    return;
  }
  const body = parseOAuthBody(exchange, tokenBody);
  if (body === undefined) return;
  const client = authenticateClient(exchange, core, body);
  if (client === undefined) return;
  switch (body.grantType) {
    case 'refresh_token':
      refreshGrant(exchange, core, { client, refreshToken: body.refreshToken });
      return;
    case deviceCodeGrantType:
      pollDeviceFlow(exchange, core, { client, deviceCode: body.deviceCode });
      return;
    case 'authorization_code':
      authorizationCodeGrant(exchange, core, { client, ...body });
      return;
  }
}
