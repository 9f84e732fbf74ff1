import type { OidcClient } from '../../accounts/oidc-clients';
import type { Exchange } from '../../http/exchange';
import { sendOAuthError } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { completeOidcLogin } from './complete-oidc-login';
import { builderIdStartUrl } from './oidc-client-auth';

const pollError = (exchange: Exchange, error: string, description: string): void => {
  sendOAuthError(exchange, { status: 400, error, description });
};

/**
 * One poll of the device flow (kiro-protocol.md §5.3 step 3): `authorization_pending` until the flow is
 * approved (by an approve call, the verification page, or after `pollsBeforeApproval` polls), then
 * tokens of a new Builder ID or IdC account; `slow_down`, `expired_token`, `access_denied` as due.
 */
export function pollDeviceFlow(
  exchange: Exchange,
  core: SimulatorCore,
  input: { client: OidcClient; deviceCode: string },
): void {
  const flow = core.logins.flowByDeviceCode(input.deviceCode);
  if (flow?.clientId !== input.client.clientId || flow.status === 'consumed') {
    pollError(exchange, 'invalid_grant', 'Invalid device code provided');
    return;
  }
  const now = core.now();
  if (now >= flow.expiresAt) {
    pollError(exchange, 'expired_token', 'Device code has expired');
    return;
  }
  if (flow.status === 'denied') {
    pollError(exchange, 'access_denied', 'The user denied the authorization request');
    return;
  }
  const { pollsBeforeApproval, enforceInterval } = core.settings.deviceFlow;
  const tooSoon =
    enforceInterval &&
    flow.lastPollAt !== undefined &&
    now - flow.lastPollAt < flow.intervalSeconds * 1000;
  flow.lastPollAt = now;
  if (tooSoon) {
    flow.intervalSeconds += 5;
    pollError(exchange, 'slow_down', 'Client is polling too quickly');
    return;
  }
  flow.polls += 1;
  if (
    flow.status === 'pending' &&
    pollsBeforeApproval !== null &&
    flow.polls > pollsBeforeApproval
  ) {
    flow.status = 'approved';
  }
  if (flow.status === 'pending') {
    pollError(exchange, 'authorization_pending', 'Authorization is pending');
    return;
  }
  flow.status = 'consumed';
  const builderId = flow.startUrl === builderIdStartUrl;
  completeOidcLogin(exchange, core, {
    client: input.client,
    ssoRegion: flow.region,
    account: {
      ...flow.account,
      authMethod: builderId ? 'builder-id' : 'idc',
      ...(builderId ? {} : { startUrl: flow.startUrl }),
    },
  });
}
