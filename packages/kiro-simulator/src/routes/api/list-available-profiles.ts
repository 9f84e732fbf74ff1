import { builderIdNotSupported, improperlyFormed } from '../../http/aws-errors';
import { isPlainObject, jsonBodyOf, type Exchange } from '../../http/exchange';
import { sendAwsError, sendJson } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { authorizeApiCall } from './authorize-api-call';

/** `ListAvailableProfiles` (kiro-protocol.md §2.7, §6.3): how IdC clients find their profile ARN. */
export function listAvailableProfiles(exchange: Exchange, core: SimulatorCore): void {
  const account = authorizeApiCall(exchange, core, 'listAvailableProfiles');
  if (account === undefined) return;
  const body = exchange.bodyText.trim() === '' ? {} : jsonBodyOf(exchange);
  if (!isPlainObject(body)) {
    sendAwsError(exchange, improperlyFormed('json'));
    return;
  }
  if (account.authMethod === 'builder-id' || account.profileArn === undefined) {
    sendAwsError(exchange, builderIdNotSupported());
    return;
  }
  const profileName =
    account.authMethod === 'social' ? `KiroProfile-${account.region}` : 'SimulatedProfile';
  sendJson(exchange, 200, { profiles: [{ arn: account.profileArn, profileName }] });
}
