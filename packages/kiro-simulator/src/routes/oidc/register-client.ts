import { z } from 'zod';

import type { Exchange } from '../../http/exchange';
import { sendJson } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';
import { parseOAuthBody } from '../parse-oauth-input';

const registerBody = z.object({
  clientName: z.string().min(1),
  clientType: z.literal('public'),
  scopes: z.array(z.string()).optional(),
  grantTypes: z.array(z.string()).optional(),
  redirectUris: z.array(z.string()).optional(),
  issuerUrl: z.string().optional(),
});

/** SSO-OIDC `POST /client/register` (kiro-protocol.md §5.3 step 1); times in epoch seconds. */
export function registerClient(exchange: Exchange, core: SimulatorCore): void {
  const fault = core.faults.takeRequestFault('oidcRegisterClient', undefined);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault);
    return;
  }
  const body = parseOAuthBody(exchange, registerBody);
  if (body === undefined) return;
  const client = core.accounts.clients.register({
    region: exchange.log.region ?? 'us-east-1',
    clientName: body.clientName,
    grantTypes: body.grantTypes ?? [],
    redirectUris: body.redirectUris ?? [],
    scopes: body.scopes ?? [],
    ...(body.issuerUrl === undefined ? {} : { issuerUrl: body.issuerUrl }),
  });
  sendJson(exchange, 200, {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: Math.floor(client.clientIdIssuedAt / 1000),
    clientSecretExpiresAt: Math.floor(client.clientSecretExpiresAt / 1000),
  });
}
