import { z } from 'zod';

import type { Exchange } from '../../http/exchange';
import { sendJson, sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';
import { parseOAuthBody } from '../parse-oauth-input';

const refreshBody = z.object({ refreshToken: z.string().min(1) });

/** Social `POST /refreshToken` (kiro-protocol.md §5.1). */
export function socialRefreshToken(exchange: Exchange, core: SimulatorCore): void {
  const body = parseOAuthBody(exchange, refreshBody);
  if (body === undefined) return;
  const found = core.accounts.lookupRefreshToken(body.refreshToken);
  exchange.log.accountId = found?.account.id;
  const fault = core.faults.takeRequestFault('socialRefreshToken', found?.account.id);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault, found?.account.userId);
    return;
  }
  const refreshed =
    found?.account.authMethod === 'social' ? core.accounts.refresh(body.refreshToken) : undefined;
  if (refreshed === undefined) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_grant',
      description: 'Invalid refresh token provided',
    });
    return;
  }
  const { account, tokens } = refreshed;
  sendJson(exchange, 200, {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    profileArn: account.profileArn,
    expiresIn: tokens.expiresIn,
  });
}
