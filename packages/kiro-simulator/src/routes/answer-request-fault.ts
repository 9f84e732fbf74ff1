import {
  bearerTokenInvalid,
  modelOverloaded,
  quotaExhausted,
  serverError,
  suspended,
  throttled,
} from '../http/aws-errors';
import type { Exchange } from '../http/exchange';
import { resetConnection, sendAwsError, sendJson } from '../http/responses';
import type { RequestFault } from '../faults/fault-types';

/** Answers an injected request fault in place of the normal response. */
export function answerRequestFault(
  exchange: Exchange,
  fault: RequestFault,
  userId = 'd-0000000000.00000000',
): void {
  exchange.log.fault = fault.type;
  switch (fault.type) {
    case 'expired-token':
      sendAwsError(exchange, { ...bearerTokenInvalid('fault'), status: fault.status ?? 403 });
      return;
    case 'suspended':
      sendAwsError(exchange, suspended(userId));
      return;
    case 'throttled':
      sendAwsError(
        exchange,
        throttled({
          userId,
          suspicious: fault.suspicious,
          retryAfterSeconds: fault.retryAfterSeconds,
        }),
      );
      return;
    case 'model-overloaded':
      sendAwsError(exchange, modelOverloaded());
      return;
    case 'quota-exhausted':
      sendAwsError(exchange, quotaExhausted());
      return;
    case 'server-error':
      sendAwsError(exchange, serverError(fault.status ?? 500, fault.highLoad ?? false));
      return;
    case 'http-error':
      sendJson(exchange, fault.status, fault.body, fault.headers);
      return;
    case 'connection-reset':
      resetConnection(exchange);
      return;
  }
}
