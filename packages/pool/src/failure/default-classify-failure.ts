import { OctoProxyError } from '@octoproxy/converters/errors';

import type { FailureClass, FailureClassification } from './failure-class';

/**
 * The upstream client's failure vocabulary (the Kiro client sets `reason` on its errors). The default
 * classifier reads it by duck typing, so the pool needs no import of the client.
 */
export const failureClassByReason: Readonly<Record<string, FailureClass>> = {
  token_expired: 'auth',
  refresh_failed: 'auth',
  refresh_revoked: 'auth',
  forbidden: 'auth',
  invalid_profile: 'misconfigured',
  wrong_region: 'misconfigured',
  unknown_host: 'misconfigured',
  throttled: 'rate_limited',
  suspicious_activity: 'quarantine',
  suspended: 'quarantine',
  quota_exhausted: 'quota_exhausted',
  model_overloaded: 'capacity',
  model_unavailable: 'capacity',
  malformed_request: 'client',
  context_too_long: 'client',
  upstream_5xx: 'transient',
  network: 'transient',
  first_byte_timeout: 'transient',
  idle_timeout: 'transient',
  corrupt_stream: 'transient',
};

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** Accepts a Date, an ISO string, epoch seconds or epoch ms. */
export function toEpochMs(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return value < 1e12 ? value * 1000 : value;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown failure.';
}

function fromOctoProxyError(error: OctoProxyError): { failureClass: FailureClass; reason: string } {
  switch (error.fault) {
    case 'client':
      return { failureClass: 'client', reason: error.code };
    case 'gateway':
      return { failureClass: 'gateway', reason: error.code };
    case 'upstream':
      return { failureClass: 'transient', reason: error.code };
    case 'account':
      break;
  }
  if (/quota|exhaust/i.test(error.code))
    return { failureClass: 'quota_exhausted', reason: error.code };
  if (/suspend|suspicious/i.test(error.code))
    return { failureClass: 'quarantine', reason: error.code };
  switch (error.kind) {
    case 'authentication':
    case 'permission':
      return { failureClass: 'auth', reason: error.code };
    case 'rate_limit':
    case 'overloaded':
      return { failureClass: 'rate_limited', reason: error.code };
    case 'invalid_request':
    case 'not_found':
    case 'request_too_large':
    case 'upstream':
    case 'timeout':
    case 'internal':
      // An account-level fault we cannot name: take the account out briefly, like a rate limit.
      return { failureClass: 'rate_limited', reason: error.code };
  }
}

const networkErrorCode = /^(E[A-Z]{3,}|UND_ERR_[A-Z_]+)$/;

/**
 * The classifier used when the server passes none. Reads, in order: a known `reason` (the Kiro client's
 * vocabulary), then the {@link OctoProxyError} fields (`fault`, `kind`, `code`, `retryAfterSeconds`), then
 * Node network error codes and timeouts. Anything else is treated as our own bug: returned at once,
 * never counted against an account.
 */
export function defaultClassifyFailure(error: unknown): FailureClassification {
  const message = messageOf(error);
  const retryAfterSeconds = field(error, 'retryAfterSeconds');
  const retryAfterMs =
    typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds)
      ? Math.max(0, retryAfterSeconds * 1000)
      : undefined;
  const resetAt = toEpochMs(field(error, 'resetAt'));
  const details = { message, retryAfterMs, resetAt };

  const reason = field(error, 'reason');
  // The Kiro client reports the "suspicious activity" throttle as `throttled` with a flag.
  if (reason === 'throttled' && field(error, 'suspiciousActivity') === true) {
    return { failureClass: 'quarantine', reason: 'suspicious_activity', ...details };
  }
  if (typeof reason === 'string' && Object.hasOwn(failureClassByReason, reason)) {
    return { failureClass: failureClassByReason[reason] ?? 'transient', reason, ...details };
  }
  if (OctoProxyError.isInstance(error)) return { ...fromOctoProxyError(error), ...details };

  const code = field(error, 'code');
  if (typeof code === 'string' && networkErrorCode.test(code)) {
    return { failureClass: 'transient', reason: 'network', ...details };
  }
  const name = field(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { failureClass: 'transient', reason: 'timeout', ...details };
  }
  return { failureClass: 'gateway', reason: 'unexpected_error', ...details };
}
