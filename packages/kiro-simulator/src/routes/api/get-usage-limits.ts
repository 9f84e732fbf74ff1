import { usageLimitsBody } from '../../accounts/usage';
import { improperlyFormed } from '../../http/aws-errors';
import type { Exchange } from '../../http/exchange';
import { sendAwsError, sendJson } from '../../http/responses';
import type { SimulatorCore } from '../../simulator/simulator-core';
import type { ApiParams } from './api-params';
import { authorizeApiCall } from './authorize-api-call';
import { profileArnProblem } from './profile-arn-check';

const resourceTypes = ['AGENTIC_REQUEST', 'CREDIT', 'SPEC', 'VIBE'];

/** `getUsageLimits` (kiro-protocol.md §6): the account's live counters in the §6.2 shape. */
export function getUsageLimits(exchange: Exchange, core: SimulatorCore, params: ApiParams): void {
  const account = authorizeApiCall(exchange, core, 'getUsageLimits');
  if (account === undefined) return;
  const { resourceType, profileArn, isEmailRequired } = params;
  if (resourceType !== undefined && !resourceTypes.includes(resourceType)) {
    sendAwsError(exchange, improperlyFormed('resource-type'));
    return;
  }
  const arnProblem = profileArnProblem(account, profileArn, { required: false });
  if (arnProblem !== undefined) {
    sendAwsError(exchange, arnProblem);
    return;
  }
  sendJson(
    exchange,
    200,
    usageLimitsBody(account, { now: core.now(), includeEmail: isEmailRequired === 'true' }),
  );
}
