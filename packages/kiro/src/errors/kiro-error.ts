import { OctoProxyError, type ErrorFault, type ErrorKind } from '@octoproxy/converters';

/**
 * Why a Kiro call failed, precise enough for a pool to pick a reaction (refresh, cooldown, disable,
 * fail over, or give up because the request itself is wrong).
 */
export type KiroErrorReason =
  /** The access token was rejected even after one refresh. */
  | 'token_expired'
  /** The token endpoint failed transiently (5xx, network); the refresh token may still be good. */
  | 'refresh_failed'
  /** The refresh token was revoked or expired (`invalid_grant`); the account needs a new login. */
  | 'refresh_revoked'
  /** The account is rate limited (429). `suspiciousActivity` tells the long "investigation" throttle. */
  | 'throttled'
  /** The model has no capacity right now (not the account's fault). */
  | 'model_overloaded'
  /** Monthly (or overage) credits are used up; `resetAt` tells when they come back, when known. */
  | 'quota_exhausted'
  /** The account is suspended or locked. */
  | 'suspended'
  /** Access denied for another reason (feature not enabled, customization access, …). */
  | 'forbidden'
  /** The profile ARN is missing or wrong for this account. */
  | 'invalid_profile'
  /** The account lives in the other API region (Kiro answers 403 "Invalid token"). */
  | 'wrong_region'
  /** This account may not use the requested model. */
  | 'model_unavailable'
  /** Kiro rejected the request shape (400): the client's request, never the account. */
  | 'malformed_request'
  /** The prompt does not fit the model's context (or Kiro's body limit). */
  | 'context_too_long'
  /** Kiro answered 5xx (or another unexpected status). */
  | 'upstream_5xx'
  /** Connection refused, reset, a temporary DNS failure, TLS or connect timeout. */
  | 'network'
  /**
   * The host does not exist (DNS answers "no such host"): for the API host, the account's API region
   * has no Kiro endpoint (Kiro's API runs in us-east-1 and eu-central-1 only).
   */
  | 'unknown_host'
  /** No response (headers or first frame) within the first-byte budget. */
  | 'first_byte_timeout'
  /** The stream went silent between frames for longer than the idle budget. */
  | 'idle_timeout'
  /** The event stream failed its checksums, framing or payload checks. */
  | 'corrupt_stream';

/** What Kiro itself said, kept for logs and for the pool's decisions. Never contains secrets. */
export interface KiroUpstreamDetails {
  status?: number | undefined;
  /** Kiro's `reason` field (e.g. `MONTHLY_REQUEST_COUNT`) or an exception type from the stream. */
  reason?: string | undefined;
  message?: string | undefined;
}

/** The fields every Kiro error carries, whatever its base class. */
export interface KiroErrorDetails {
  readonly reason: KiroErrorReason;
  /** Whether the same request may be sent with another account. */
  readonly mayTryAnotherAccount: boolean;
  readonly upstream: KiroUpstreamDetails | undefined;
  /** For `quota_exhausted`: when the credits reset, if known. */
  readonly resetAt: Date | undefined;
  /** For `throttled`: Kiro said the account is limited because of "suspicious activity". */
  readonly suspiciousActivity: boolean;
}

export interface KiroErrorOptions {
  kind: ErrorKind;
  fault: ErrorFault;
  code: string;
  message: string;
  reason: KiroErrorReason;
  mayTryAnotherAccount?: boolean | undefined;
  retryAfterSeconds?: number | undefined;
  upstream?: KiroUpstreamDetails | undefined;
  resetAt?: Date | undefined;
  suspiciousActivity?: boolean | undefined;
  cause?: unknown;
}

const kiroMarker = Symbol.for('octoproxy.kiro-error');

/** Marks an error as carrying {@link KiroErrorDetails}; see {@link isKiroError}. */
export function markKiroError(error: object): void {
  Object.defineProperty(error, kiroMarker, { value: true, enumerable: false });
}

/** True for every error this package throws about Kiro (including {@link KiroPromptTooLongError}). */
export function isKiroError(value: unknown): value is OctoProxyError & KiroErrorDetails {
  return (
    OctoProxyError.isInstance(value) &&
    (value as unknown as Record<symbol, unknown>)[kiroMarker] === true
  );
}

/** Base class of the Kiro errors. Subclasses fix `kind` and `fault` for their reasons. */
export class KiroError extends OctoProxyError implements KiroErrorDetails {
  readonly reason: KiroErrorReason;
  readonly mayTryAnotherAccount: boolean;
  readonly upstream: KiroUpstreamDetails | undefined;
  readonly resetAt: Date | undefined;
  readonly suspiciousActivity: boolean;

  constructor(options: KiroErrorOptions) {
    super({
      kind: options.kind,
      fault: options.fault,
      code: options.code,
      message: options.message,
      retryAfterSeconds: options.retryAfterSeconds,
      cause: options.cause,
    });
    this.reason = options.reason;
    this.mayTryAnotherAccount =
      options.mayTryAnotherAccount ?? (options.fault === 'account' || options.fault === 'upstream');
    this.upstream = options.upstream;
    this.resetAt = options.resetAt;
    this.suspiciousActivity = options.suspiciousActivity ?? false;
    markKiroError(this);
  }
}
