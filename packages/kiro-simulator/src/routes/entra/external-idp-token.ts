import { headerOf, type Exchange } from '../../http/exchange';
import { sendJson, sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';

/**
 * Entra ID's `POST /{tenant}/oauth2/v2.0/token` for the refresh grant Kiro's external-IdP accounts
 * use (kiro-protocol.md §5.6): form-urlencoded in, snake_case JSON out, AADSTS errors.
 */
export function externalIdpToken(exchange: Exchange, core: SimulatorCore): void {
  if (!(headerOf(exchange, 'content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_request',
      description: "AADSTS900144: The request body must contain the parameter 'grant_type'.",
    });
    return;
  }
  const form = new URLSearchParams(exchange.bodyText);
  const refreshToken = form.get('refresh_token') ?? '';
  const found = core.accounts.lookupRefreshToken(refreshToken);
  exchange.log.accountId = found?.account.id;
  const fault = core.faults.takeRequestFault('externalIdpToken', found?.account.id);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault, found?.account.userId);
    return;
  }
  if (form.get('grant_type') !== 'refresh_token') {
    sendOAuthError(exchange, {
      status: 400,
      error: 'unsupported_grant_type',
      description: 'AADSTS70003: The app requested an unsupported grant type.',
    });
    return;
  }
  const account = found?.account;
  const tenant = exchange.log.region;
  if (
    account === undefined ||
    account.authMethod !== 'external-idp' ||
    account.tenant !== tenant ||
    account.externalClientId !== form.get('client_id')
  ) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_grant',
      description: 'AADSTS9002313: Invalid request. Request is malformed or invalid.',
    });
    return;
  }
  const refreshed = core.accounts.refresh(refreshToken);
  if (refreshed === undefined) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_grant',
      description: 'AADSTS70008: The provided authorization code or refresh token has expired.',
    });
    return;
  }
  const { tokens } = refreshed;
  sendJson(exchange, 200, {
    token_type: 'Bearer',
    scope: form.get('scope') ?? '',
    expires_in: tokens.expiresIn,
    ext_expires_in: tokens.expiresIn,
    access_token: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refresh_token: tokens.refreshToken }),
  });
}
