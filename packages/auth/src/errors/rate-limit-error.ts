import { OctoProxyError } from '@octoproxy/converters';

/** Which limit was hit. Stable codes; sent as OpenAI `error.code`. */
export type RateLimitErrorCode = 'daily_limit_exceeded' | 'rate_limit_exceeded' | 'login_throttled';

/**
 * The caller hit one of the gateway's own limits (HTTP 429 with `Retry-After`). The fault is the
 * client's: another upstream account would not help, so the gateway never retries it.
 */
export class RateLimitError extends OctoProxyError {
  declare readonly code: RateLimitErrorCode;
  declare readonly retryAfterSeconds: number;

  constructor(options: { code: RateLimitErrorCode; message: string; retryAfterSeconds: number }) {
    super({
      kind: 'rate_limit',
      fault: 'client',
      code: options.code,
      message: options.message,
      retryAfterSeconds: Math.max(1, Math.ceil(options.retryAfterSeconds)),
    });
  }
}
