import { z } from 'zod';

import type { Exchange } from '../../http/exchange';
import { sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { parseOAuthQuery } from '../parse-oauth-input';
import { redirectToClient } from '../redirect-to-client';

const loginQuery = z.object({
  idp: z.enum(['Google', 'Github']),
  redirect_uri: z.string().min(1),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  code_challenge_method: z.literal('S256'),
  state: z.string().min(1),
  /** Test-only: redirect back with this OAuth error instead of a code. */
  sim_error: z.string().optional(),
});

/** The IDE's own scheme, or a loopback listener (kiro-protocol.md §5.5). */
export function isAllowedSocialRedirect(uri: string): boolean {
  if (uri === 'kiro://kiro.kiroAgent/authenticate-success') return true;
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/**
 * `GET /login`: stands in for the browser sign-in. It approves at once and redirects to `redirect_uri`
 * with `code` and `state` (or `error` when `sim_error` is given).
 */
export function socialLogin(exchange: Exchange, core: SimulatorCore): void {
  const query = parseOAuthQuery(exchange, loginQuery);
  if (query === undefined) return;
  if (!isAllowedSocialRedirect(query.redirect_uri)) {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_request',
      description: 'redirect_uri is not allowed for this client',
    });
    return;
  }
  const outcome =
    query.sim_error === undefined
      ? {
          code: core.logins.issueCode({
            codeChallenge: query.code_challenge,
            redirectUri: query.redirect_uri,
            provider: query.idp,
            region: exchange.log.region ?? 'us-east-1',
          }).code,
        }
      : { error: query.sim_error };
  redirectToClient(exchange, { redirectUri: query.redirect_uri, outcome, state: query.state });
}
