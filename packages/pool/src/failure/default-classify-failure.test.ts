import { InvalidRequestError, OctoProxyError } from '@octoproxy/converters/errors';
import { describe, expect, it } from 'vitest';

import {
  defaultClassifyFailure,
  failureClassByReason,
  toEpochMs,
} from './default-classify-failure';

describe('defaultClassifyFailure', () => {
  it('maps the upstream client’s reasons, with Retry-After and reset dates', () => {
    const error = Object.assign(
      new OctoProxyError({
        kind: 'rate_limit',
        fault: 'account',
        code: 'x',
        message: 'slow down',
        retryAfterSeconds: 12,
      }),
      { reason: 'throttled' },
    );
    expect(defaultClassifyFailure(error)).toEqual({
      failureClass: 'rate_limited',
      reason: 'throttled',
      message: 'slow down',
      retryAfterMs: 12_000,
      resetAt: undefined,
    });
    const quota = Object.assign(new Error('limit'), {
      reason: 'quota_exhausted',
      resetAt: 1_767_225_600,
    });
    expect(defaultClassifyFailure(quota)).toMatchObject({
      failureClass: 'quota_exhausted',
      resetAt: 1_767_225_600_000,
    });
    for (const [reason, failureClass] of Object.entries(failureClassByReason)) {
      expect(
        defaultClassifyFailure(Object.assign(new Error(reason), { reason })).failureClass,
      ).toBe(failureClass);
    }
  });

  it('quarantines the "suspicious activity" throttle, which the Kiro client flags on `throttled`', () => {
    const error = Object.assign(new Error('suspicious'), {
      reason: 'throttled',
      suspiciousActivity: true,
    });
    expect(defaultClassifyFailure(error)).toMatchObject({
      failureClass: 'quarantine',
      reason: 'suspicious_activity',
    });
  });

  it('falls back to the OctoProxyError fields', () => {
    const of = (
      fault: 'client' | 'account' | 'upstream' | 'gateway',
      kind: OctoProxyError['kind'],
      code = 'c',
    ) =>
      defaultClassifyFailure(new OctoProxyError({ kind, fault, code, message: 'm' })).failureClass;
    expect(defaultClassifyFailure(new InvalidRequestError({ message: 'bad' })).failureClass).toBe(
      'client',
    );
    expect(of('upstream', 'upstream')).toBe('transient');
    expect(of('gateway', 'internal')).toBe('gateway');
    expect(of('account', 'rate_limit')).toBe('rate_limited');
    expect(of('account', 'authentication')).toBe('auth');
    expect(of('account', 'rate_limit', 'monthly_quota_exceeded')).toBe('quota_exhausted');
    expect(of('account', 'permission', 'account_suspended')).toBe('quarantine');
  });

  it('treats network codes and timeouts as transient and anything else as our own bug', () => {
    expect(
      defaultClassifyFailure(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' })).reason,
    ).toBe('network');
    expect(defaultClassifyFailure(new DOMException('t', 'TimeoutError')).failureClass).toBe(
      'transient',
    );
    expect(defaultClassifyFailure(new RangeError('oops')).failureClass).toBe('gateway');
    expect(defaultClassifyFailure('a string').failureClass).toBe('gateway');
  });

  it('reads reset dates in any common shape', () => {
    expect(toEpochMs(new Date(5_000))).toBe(5_000);
    expect(toEpochMs('2026-01-01T00:00:00Z')).toBe(Date.UTC(2026, 0, 1));
    expect(toEpochMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(toEpochMs(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(toEpochMs('never')).toBeUndefined();
  });
});
