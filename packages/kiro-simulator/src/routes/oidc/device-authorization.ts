import { z } from 'zod';

import type { Exchange } from '../../http/exchange';
import { sendJson, sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';
import { parseOAuthBody } from '../parse-oauth-input';
import { authenticateClient, builderIdStartUrl } from './oidc-client-auth';

const deviceBody = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  startUrl: z.string().url(),
});

/** SSO-OIDC `POST /device_authorization` (kiro-protocol.md §5.3 step 2). */
export function deviceAuthorization(exchange: Exchange, core: SimulatorCore): void {
  const fault = core.faults.takeRequestFault('oidcDeviceAuthorization', undefined);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault);
    return;
  }
  const body = parseOAuthBody(exchange, deviceBody);
  if (body === undefined) return;
  const client = authenticateClient(exchange, core, body);
  if (client === undefined) return;
  if (body.startUrl === builderIdStartUrl && client.region !== 'us-east-1') {
    sendOAuthError(exchange, {
      status: 400,
      error: 'invalid_request',
      description: 'AWS Builder ID is only available in us-east-1',
    });
    return;
  }
  const { deviceFlow } = core.settings;
  const flow = core.logins.startDeviceFlow({
    clientId: client.clientId,
    region: client.region,
    startUrl: body.startUrl,
    intervalSeconds: deviceFlow.intervalSeconds,
    expiresInSeconds: deviceFlow.expiresInSeconds,
  });
  const verificationUri = new URL(`/oidc/${client.region}/device`, exchange.url.origin);
  const complete = new URL(verificationUri);
  complete.searchParams.set('user_code', flow.userCode);
  sendJson(exchange, 200, {
    deviceCode: flow.deviceCode,
    userCode: flow.userCode,
    verificationUri: verificationUri.toString(),
    verificationUriComplete: complete.toString(),
    expiresIn: deviceFlow.expiresInSeconds,
    interval: deviceFlow.intervalSeconds,
  });
}
