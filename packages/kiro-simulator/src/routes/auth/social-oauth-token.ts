import { z } from 'zod';

import { pkceChallengeOf } from '../../accounts/secrets';
import type { Exchange } from '../../http/exchange';
import { sendJson, sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';
import { parseOAuthBody } from '../parse-oauth-input';

/** snake_case, unlike every other Kiro body (kiro-protocol.md §5.5). */
const tokenBody = z.object({
  code: z.string().min(1),
  code_verifier: z.string().min(43).max(128),
  redirect_uri: z.string().min(1),
  invitation_code: z.string().optional(),
});

/** Social `POST /oauth/token`: redeems a login code with real PKCE (S256) verification. */
export function socialOAuthToken(exchange: Exchange, core: SimulatorCore): void {
  const fault = core.faults.takeRequestFault('socialOAuthToken', undefined);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault);
    return;
  }
  const body = parseOAuthBody(exchange, tokenBody);
  if (body === undefined) return;
  const code = core.logins.redeemCode(body.code);
  const problem =
    code === undefined || code.provider === undefined
      ? 'Invalid or expired authorization code'
      : code.redirectUri !== body.redirect_uri
        ? 'redirect_uri does not match the authorization request'
        : pkceChallengeOf(body.code_verifier) !== code.codeChallenge
          ? 'PKCE verification failed'
          : undefined;
  if (problem !== undefined || code?.provider === undefined) {
    sendOAuthError(exchange, { status: 400, error: 'invalid_grant', description: problem ?? '' });
    return;
  }
  const created = core.accounts.add({
    ...core.settings.loginAccount,
    authMethod: 'social',
    region: 'us-east-1',
    provider: code.provider,
  });
  exchange.log.accountId = created.id;
  sendJson(exchange, 200, {
    accessToken: created.tokenFile.accessToken,
    refreshToken: created.tokenFile.refreshToken,
    profileArn: created.profileArn,
    expiresIn: core.accounts.require(created.id).accessTokenLifetimeSeconds,
  });
}
