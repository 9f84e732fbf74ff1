import { describe, expect, it } from 'vitest';

import { classifyHttpError, isBearerTokenRejection } from './classify-http-error';
import { isKiroError } from './kiro-error';

const now = Date.parse('2026-01-01T00:00:00Z');

function classify(status: number, body: unknown, retryAfter?: string) {
  return classifyHttpError({
    status,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    retryAfter,
    promptTokens: 1234,
    contextWindowTokens: 200_000,
    now,
  });
}

describe('classifyHttpError', () => {
  it('classifies quota by reason, whatever the status', () => {
    for (const status of [402, 429, 400]) {
      const error = classify(status, {
        message: 'You have reached the limit.',
        reason: 'MONTHLY_REQUEST_COUNT',
      });
      expect(error).toMatchObject({
        reason: 'quota_exhausted',
        fault: 'account',
        kind: 'rate_limit',
        mayTryAnotherAccount: true,
      });
    }
  });

  it('maps a too-long input to the exact Anthropic message', () => {
    const error = classify(400, {
      message: 'Input is too long.',
      reason: 'CONTENT_LENGTH_EXCEEDS_THRESHOLD',
    });
    expect(error.message).toBe('prompt is too long: 200001 tokens > 200000 maximum');
    expect(error).toMatchObject({
      reason: 'context_too_long',
      fault: 'client',
      mayTryAnotherAccount: false,
    });
    expect(isKiroError(error)).toBe(true);
  });

  it('keeps the upstream reason of a malformed request and blames the client', () => {
    const error = classify(400, {
      message: 'Improperly formed request.',
      reason: 'REQUEST_BODY_INVALID',
    });
    expect(error).toMatchObject({
      reason: 'malformed_request',
      fault: 'client',
      kind: 'invalid_request',
      mayTryAnotherAccount: false,
      upstream: {
        status: 400,
        reason: 'REQUEST_BODY_INVALID',
        message: 'Improperly formed request.',
      },
    });
    expect(error.message).toContain('Improperly formed request. REQUEST_BODY_INVALID');
  });

  it('reads throttling, Retry-After (seconds and dates) and suspicious activity', () => {
    expect(classify(429, { message: 'Too many requests' }, '7')).toMatchObject({
      reason: 'throttled',
      retryAfterSeconds: 7,
      suspiciousActivity: false,
    });
    expect(
      classify(
        429,
        { message: 'Due to suspicious activity, we are imposing temporary limits' },
        'Thu, 01 Jan 2026 00:01:00 GMT',
      ),
    ).toMatchObject({ reason: 'throttled', retryAfterSeconds: 60, suspiciousActivity: true });
    expect(classify(429, { message: 'busy', reason: 'INSUFFICIENT_MODEL_CAPACITY' })).toMatchObject(
      {
        reason: 'model_overloaded',
        fault: 'upstream',
        kind: 'overloaded',
      },
    );
  });

  it('tells expired tokens from suspensions and other denials', () => {
    const bearer = {
      message: 'The bearer token included in the request is invalid.',
      reason: null,
    };
    expect(classify(403, bearer)).toMatchObject({ reason: 'token_expired', fault: 'account' });
    expect(isBearerTokenRejection(403, JSON.stringify(bearer))).toBe(true);
    expect(isBearerTokenRejection(401, 'nope')).toBe(true);
    const suspended = {
      message: 'Your User ID (d-1) temporarily is suspended.',
      reason: 'TEMPORARILY_SUSPENDED',
    };
    expect(classify(403, suspended)).toMatchObject({ reason: 'suspended' });
    expect(isBearerTokenRejection(403, JSON.stringify(suspended))).toBe(false);
    expect(classify(403, { message: 'Denied', reason: 'FEATURE_NOT_SUPPORTED' })).toMatchObject({
      reason: 'forbidden',
    });
  });

  it('tells a wrong API region from an expired token', () => {
    expect(classify(403, { message: 'Invalid token' })).toMatchObject({
      reason: 'wrong_region',
      fault: 'account',
    });
    expect(isBearerTokenRejection(403, JSON.stringify({ message: 'Invalid token' }))).toBe(false);
  });

  it('recognises model and profile problems as account problems', () => {
    expect(
      classify(400, {
        message: 'Invalid model. Please select a different model to continue.',
        reason: 'INVALID_MODEL_ID',
      }),
    ).toMatchObject({ reason: 'model_unavailable', fault: 'account' });
    expect(classify(400, { message: 'profileArn is required for this request.' })).toMatchObject({
      reason: 'invalid_profile',
    });
  });

  it('blames the client only for a 400 or 413 the upstream rejected, never for other statuses', () => {
    expect(classify(413, 'Request entity too large')).toMatchObject({ fault: 'client' });
    for (const status of [404, 405, 409, 301]) {
      const error = classify(status, { message: 'Unknown operation', reason: 'UNKNOWN_HOST' });
      expect(error).toMatchObject({ reason: 'upstream_5xx', mayTryAnotherAccount: true });
      expect(error.fault).not.toBe('client');
      expect(error.message).toContain(`unexpected status ${status}`);
    }
  });

  it('treats 5xx as upstream, high load as overloaded, and survives non-JSON bodies', () => {
    expect(
      classify(500, {
        message: 'Encountered an unexpected error when processing the request, please try again.',
      }),
    ).toMatchObject({ reason: 'upstream_5xx', fault: 'upstream', kind: 'upstream' });
    expect(classify(500, { message: 'x', reason: 'MODEL_TEMPORARILY_UNAVAILABLE' })).toMatchObject({
      reason: 'model_overloaded',
    });
    expect(classify(503, '<html>bad gateway</html>')).toMatchObject({
      reason: 'upstream_5xx',
      upstream: { message: '<html>bad gateway</html>' },
    });
  });
});
