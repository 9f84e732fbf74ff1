import { z } from 'zod';

import type { Exchange } from '../../http/exchange';
import { sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { parseOAuthQuery } from '../parse-oauth-input';
import { redirectToClient } from '../redirect-to-client';

const authorizeQuery = z.object({
  response_type: z.literal('code'),
  client_id: z.string().min(1),
  redirect_uri: z.string().min(1),
  state: z.string().min(1),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  code_challenge_method: z.literal('S256'),
  scopes: z.string().optional(),
});

/**
 * SSO-OIDC `GET /authorize` (kiro-protocol.md §5.4): stands in for the browser sign-in of the IdC
 * authorization-code login, approving at once and redirecting with `code` and `state`.
 */
export function oidcAuthorize(exchange: Exchange, core: SimulatorCore): void {
  const query = parseOAuthQuery(exchange, authorizeQuery);
  if (query === undefined) return;
  const clients = core.accounts.clients;
  const client = clients.find(query.client_id);
  if (client === undefined || client.region !== exchange.log.region) {
    sendOAuthError(exchange, {
      status: 401,
      error: 'invalid_client',
      description: 'Client not found',
    });
    return;
  }
  if (!client.redirectUris.includes(query.redirect_uri)) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_request',
      description: 'redirect_uri is not registered for this client',
    });
    return;
  }
  const code = core.logins.issueCode({
    codeChallenge: query.code_challenge,
    redirectUri: query.redirect_uri,
    clientId: client.clientId,
    region: client.region,
  });
  redirectToClient(exchange, {
    redirectUri: query.redirect_uri,
    outcome: { code: code.code },
    state: query.state,
  });
}
