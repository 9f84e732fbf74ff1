import { z } from 'zod';

import {
  KiroAccountUnusableError,
  KiroMalformedRequestError,
  KiroPromptTooLongError,
  KiroQuotaExhaustedError,
  KiroThrottledError,
  KiroTokenError,
  KiroUpstreamError,
} from './kiro-errors';
import type { KiroError, KiroUpstreamDetails } from './kiro-error';
import { parseRetryAfter } from './parse-retry-after';

/** Kiro's error body: `{"message": "...", "reason": "..."|null}`, sometimes with `__type`. */
const errorBodySchema = z.looseObject({
  message: z.string().nullish(),
  Message: z.string().nullish(),
  reason: z.string().nullish(),
  __type: z.string().nullish(),
});

const quotaReasons: ReadonlySet<string> = new Set([
  'MONTHLY_REQUEST_COUNT',
  'OVERAGE_REQUEST_LIMIT_EXCEEDED',
  'DAILY_REQUEST_COUNT',
  'CONVERSATION_LIMIT_EXCEEDED',
]);
const suspendedReasons: ReadonlySet<string> = new Set(['TEMPORARILY_SUSPENDED', 'SUSPENDED']);
const maxKeptMessageLength = 500;

export interface UpstreamHttpFailure {
  status: number;
  /** The raw response body (JSON or not). */
  bodyText: string;
  /** Value of the `retry-after` response header, if any. */
  retryAfter?: string | undefined;
  /** The prompt size estimate, for the "prompt is too long" message. */
  promptTokens: number;
  /** The model's context window, for the same message. */
  contextWindowTokens: number;
  now: number;
}

/** Parses Kiro's error body leniently; a non-JSON body becomes the message. */
export function parseUpstreamErrorBody(status: number, bodyText: string): KiroUpstreamDetails {
  let message: string | undefined;
  let reason: string | undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
    if (parsed.success) {
      message = parsed.data.message ?? parsed.data.Message ?? undefined;
      reason = parsed.data.reason ?? undefined;
      if (reason === undefined && parsed.data.__type) reason = parsed.data.__type.split('#').pop();
    }
  } catch {
    message = bodyText.trim() || undefined;
  }
  if (message !== undefined && message.length > maxKeptMessageLength) {
    message = `${message.slice(0, maxKeptMessageLength)}…`;
  }
  return { status, reason, message };
}

/** Kiro's answer to a token sent to the wrong API region: a bare "Invalid token". */
function isWrongRegion(upstream: KiroUpstreamDetails): boolean {
  return upstream.status === 403 && /^invalid token\.?$/i.test((upstream.message ?? '').trim());
}

/** True when a 401/403 means "refresh the token and try once more". */
export function isBearerTokenRejection(status: number, bodyText: string): boolean {
  if (status !== 401 && status !== 403) return false;
  const upstream = parseUpstreamErrorBody(status, bodyText);
  if (isSuspension(upstream) || isWrongRegion(upstream)) return false;
  if (status === 401) return true;
  return /bearer token|invalid token|token (is )?(expired|invalid)|expired token|unauthori[sz]ed/i.test(
    upstream.message ?? '',
  );
}

function isSuspension(upstream: KiroUpstreamDetails): boolean {
  return (
    (upstream.reason !== undefined && suspendedReasons.has(upstream.reason)) ||
    /suspended|locked your account/i.test(upstream.message ?? '')
  );
}

function isTooLong(upstream: KiroUpstreamDetails): boolean {
  return (
    upstream.reason === 'CONTENT_LENGTH_EXCEEDS_THRESHOLD' ||
    /input is too long|content length exceeds|too long/i.test(upstream.message ?? '')
  );
}

/**
 * Turns a non-2xx Kiro response into the matching typed error. Quota is recognised by `reason`
 * whatever the status (Kiro has sent `MONTHLY_REQUEST_COUNT` on both 402 and 429).
 */
export function classifyHttpError(
  failure: UpstreamHttpFailure,
): KiroError | KiroPromptTooLongError {
  const { status } = failure;
  const upstream = parseUpstreamErrorBody(status, failure.bodyText);
  const reason = upstream.reason ?? '';

  if (quotaReasons.has(reason) || status === 402) return new KiroQuotaExhaustedError({ upstream });
  if ((status === 400 || status === 413) && isTooLong(upstream)) {
    return new KiroPromptTooLongError({
      promptTokens: failure.promptTokens,
      maxTokens: failure.contextWindowTokens,
      upstream,
    });
  }
  if (status === 429) {
    const overloaded = reason === 'INSUFFICIENT_MODEL_CAPACITY';
    return new KiroThrottledError({
      reason: overloaded ? 'model_overloaded' : 'throttled',
      retryAfterSeconds: parseRetryAfter(failure.retryAfter, failure.now),
      suspiciousActivity: /suspicious activity/i.test(upstream.message ?? ''),
      upstream,
    });
  }
  if (status === 401 || status === 403) {
    if (isSuspension(upstream)) {
      return new KiroAccountUnusableError({ reason: 'suspended', upstream });
    }
    if (isWrongRegion(upstream)) {
      return new KiroAccountUnusableError({ reason: 'wrong_region', upstream });
    }
    if (isBearerTokenRejection(status, failure.bodyText)) {
      return new KiroTokenError({ reason: 'token_expired', upstream });
    }
    return new KiroAccountUnusableError({ reason: 'forbidden', upstream });
  }
  if (status === 400) {
    if (reason === 'INVALID_MODEL_ID' || /invalid model/i.test(upstream.message ?? '')) {
      return new KiroAccountUnusableError({ reason: 'model_unavailable', upstream });
    }
    if (/profileArn/i.test(upstream.message ?? '')) {
      return new KiroAccountUnusableError({ reason: 'invalid_profile', upstream });
    }
    return new KiroMalformedRequestError({ upstream });
  }
  if (status >= 500 || status === 408) {
    const overloaded =
      reason === 'MODEL_TEMPORARILY_UNAVAILABLE' ||
      /unexpectedly high load|high traffic/i.test(upstream.message ?? '');
    if (overloaded) {
      return new KiroThrottledError({
        reason: 'model_overloaded',
        retryAfterSeconds: parseRetryAfter(failure.retryAfter, failure.now),
        upstream,
      });
    }
    return new KiroUpstreamError({ reason: 'upstream_5xx', upstream });
  }
  // Only the upstream's own "this request is wrong" blames the client: a body too large for it.
  if (status === 413) return new KiroMalformedRequestError({ upstream });
  // Any other status (404 from a host or path that is not Kiro's API, 409, 3xx…) is not the
  // request's fault: counted against the account, tried elsewhere.
  return new KiroUpstreamError({
    reason: 'upstream_5xx',
    message: `The upstream answered with unexpected status ${status}.`,
    upstream,
  });
}
