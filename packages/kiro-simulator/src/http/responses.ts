import { randomUUID } from 'node:crypto';

import { preciseNow } from '../log/request-log';
import type { AwsError } from './aws-errors';
import type { Exchange } from './exchange';

/** Writes the status line and headers once, recording the status in the log. */
export function writeHead(
  exchange: Exchange,
  status: number,
  headers: Record<string, string>,
): void {
  exchange.res.writeHead(status, { 'x-amzn-requestid': randomUUID(), ...headers });
  exchange.log.status = status;
  exchange.touch();
}

/** Ends the response and marks the request completed. */
export function finish(exchange: Exchange, body?: string | Uint8Array): void {
  exchange.res.end(body);
  if (exchange.log.outcome === 'pending') {
    exchange.log.outcome = 'completed';
    exchange.log.finishedAt = preciseNow();
  }
  exchange.touch();
}

export function sendJson(
  exchange: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  writeHead(exchange, status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  finish(exchange, text);
}

/** An AWS-style error: `{"message", "reason"}` plus `x-amzn-errortype`; the rule id goes in a header. */
export function sendAwsError(exchange: Exchange, error: AwsError): void {
  exchange.log.error = { message: error.message, reason: error.reason };
  if (error.rule !== undefined) exchange.log.error.rule = error.rule;
  const headers: Record<string, string> = { 'x-amzn-errortype': error.errorType };
  if (error.rule !== undefined) headers['x-kiro-simulator-rule'] = error.rule;
  if (error.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(error.retryAfterSeconds);
  }
  sendJson(exchange, error.status, { message: error.message, reason: error.reason }, headers);
}

/** An OAuth-style error `{"error", "error_description"}` (SSO-OIDC and the social auth service). */
export function sendOAuthError(
  exchange: Exchange,
  options: { status: number; error: string; description: string },
): void {
  exchange.log.error = { message: options.description, reason: options.error };
  sendJson(exchange, options.status, {
    error: options.error,
    error_description: options.description,
  });
}

/** Destroys the connection without a response, as a reset or a failed DNS lookup looks to a client. */
export function resetConnection(exchange: Exchange): void {
  exchange.log.outcome = 'reset';
  exchange.log.finishedAt = preciseNow();
  exchange.touch();
  exchange.req.socket.destroy();
}
