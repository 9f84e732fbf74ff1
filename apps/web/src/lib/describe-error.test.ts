import { describe, expect, it } from 'vitest';

import { ApiError, parseRetryAfter } from '../api/api-error';
import { createI18n } from '../i18n/i18n';
import { describeError } from './describe-error';

const response = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe('describeError', () => {
  it('says when to retry a 429, in both languages', () => {
    const error = ApiError.fromResponse(response(429, { 'retry-after': '30' }), {
      error: { message: 'Too many failed logins.', code: 'login_throttled' },
    });
    expect(error.retryAfterSeconds).toBe(30);
    expect(describeError(error, createI18n({ language: 'en' }).t)).toBe(
      'Too many requests. Try again in 30 seconds.',
    );
    expect(describeError(error, createI18n({ language: 'zh' }).t)).toBe(
      '请求过于频繁，请在 30 秒后重试。',
    );
  });

  it('translates known codes and keeps the server’s words otherwise', () => {
    const t = createI18n({ language: 'en' }).t;
    const known = ApiError.fromResponse(response(401), {
      error: { message: 'Invalid username or password.', code: 'invalid_credentials' },
    });
    expect(describeError(known, t)).toBe('Wrong username or password.');
    const unknown = ApiError.fromResponse(response(400), {
      error: {
        message: 'name: Too big: expected string to have <=128 characters',
        code: 'invalid_request',
      },
    });
    expect(describeError(unknown, t)).toBe(
      'name: Too big: expected string to have <=128 characters',
    );
    const crash = ApiError.fromResponse(response(500), {
      error: { message: 'Internal error.', code: 'internal' },
    });
    expect(describeError(crash, t)).toBe('Server error: Internal error.');
    expect(describeError(ApiError.network(new TypeError('fetch failed')), t)).toBe(
      'Cannot reach the server. Check that OctoProxy is running.',
    );
  });

  it('reads a body that is not the admin error shape', () => {
    const error = ApiError.fromResponse(
      new Response(null, { status: 502, statusText: 'Bad Gateway' }),
      '<html>',
    );
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('Bad Gateway');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
