import type { AccountRecord } from '../../accounts/account-record';
import { bearerTokenInvalid, invalidTokenForRegion, suspended } from '../../http/aws-errors';
import { headerOf, type Exchange } from '../../http/exchange';
import { sendAwsError } from '../../http/responses';
import type { Operation } from '../../log/operations';
import type { SimulatorCore } from '../../simulator/simulator-core';
import { answerRequestFault } from '../answer-request-fault';

const sdkRequestPattern = /^attempt=\d+; ?max=\d+$/;

function bearerOf(exchange: Exchange): string | undefined {
  const match = /^Bearer (\S+)$/i.exec(headerOf(exchange, 'authorization') ?? '');
  return match?.[1];
}

/** The account whose access token the request carries (valid or not), for fault matching. */
export function bearerAccountId(exchange: Exchange, core: SimulatorCore): string | undefined {
  const token = bearerOf(exchange);
  return token === undefined ? undefined : core.accounts.lookupAccessToken(token)?.account.id;
}

/** The `tokentype` header each kind of token must come with (kiro-protocol.md §1.3, §5.6). */
const requiredTokenTypes: Partial<Record<AccountRecord['authMethod'], string>> = {
  'api-key': 'API_KEY',
  'external-idp': 'EXTERNAL_IDP',
};

/** An API key or an Entra token without its `tokentype`, or a token type on a token of another kind. */
function tokenTypeProblem(exchange: Exchange, account: AccountRecord): boolean {
  const sent = headerOf(exchange, 'tokentype')?.toUpperCase();
  return sent !== requiredTokenTypes[account.authMethod];
}

/**
 * The checks every `q.{region}` call shares, in the upstream's order: injected faults, the SDK
 * headers, the bearer token and its `tokentype`, the account's API region, suspension. Answers and returns undefined on
 * failure.
 */
export function authorizeApiCall(
  exchange: Exchange,
  core: SimulatorCore,
  operation: Operation,
): AccountRecord | undefined {
  const token = bearerOf(exchange);
  const found = token === undefined ? undefined : core.accounts.lookupAccessToken(token);
  exchange.log.accountId = found?.account.id;
  const fault = core.faults.takeRequestFault(operation, found?.account.id);
  if (fault !== undefined) {
    answerRequestFault(exchange, fault, found?.account.userId);
    return undefined;
  }
  if (core.settings.strictHeaders) {
    const invocationId = headerOf(exchange, 'amz-sdk-invocation-id');
    const sdkRequest = headerOf(exchange, 'amz-sdk-request');
    if (!invocationId || sdkRequest === undefined || !sdkRequestPattern.test(sdkRequest)) {
      sendAwsError(exchange, bearerTokenInvalid('sdk-headers'));
      return undefined;
    }
  }
  if (found === undefined || found.status !== 'valid') {
    sendAwsError(exchange, bearerTokenInvalid(`bearer-token-${found?.status ?? 'unknown'}`));
    return undefined;
  }
  const { account } = found;
  if (tokenTypeProblem(exchange, account)) {
    sendAwsError(exchange, bearerTokenInvalid('token-type'));
    return undefined;
  }
  if (account.region !== exchange.log.region) {
    sendAwsError(exchange, invalidTokenForRegion());
    return undefined;
  }
  if (account.suspended) {
    sendAwsError(exchange, suspended(account.userId));
    return undefined;
  }
  return account;
}
