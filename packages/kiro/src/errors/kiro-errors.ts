import { PromptTooLongError } from '@octoproxy/converters';

import {
  KiroError,
  markKiroError,
  type KiroErrorDetails,
  type KiroErrorReason,
  type KiroUpstreamDetails,
} from './kiro-error';

interface CommonOptions {
  message?: string | undefined;
  upstream?: KiroUpstreamDetails | undefined;
  cause?: unknown;
}

/** The access token was refused after a refresh, or the refresh itself failed. */
export class KiroTokenError extends KiroError {
  constructor(
    options: CommonOptions & { reason: 'token_expired' | 'refresh_failed' | 'refresh_revoked' },
  ) {
    const messages = {
      token_expired: 'The upstream account rejected its access token.',
      refresh_failed: 'The upstream account token could not be refreshed.',
      refresh_revoked: 'The upstream account needs to log in again: its refresh token was revoked.',
    } as const;
    super({
      kind: 'upstream',
      fault: 'account',
      code: `kiro_${options.reason}`,
      message: options.message ?? messages[options.reason],
      reason: options.reason,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/** 429: the account is rate limited, or the model is out of capacity (`model_overloaded`). */
export class KiroThrottledError extends KiroError {
  constructor(
    options: CommonOptions & {
      reason: 'throttled' | 'model_overloaded';
      retryAfterSeconds?: number | undefined;
      suspiciousActivity?: boolean | undefined;
    },
  ) {
    const overloaded = options.reason === 'model_overloaded';
    super({
      kind: overloaded ? 'overloaded' : 'rate_limit',
      fault: overloaded ? 'upstream' : 'account',
      code: overloaded ? 'kiro_model_overloaded' : 'kiro_throttled',
      message:
        options.message ??
        (overloaded
          ? 'The upstream model is overloaded; try again shortly.'
          : 'The upstream account is rate limited; try again later.'),
      reason: options.reason,
      retryAfterSeconds: options.retryAfterSeconds,
      suspiciousActivity: options.suspiciousActivity,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/** 402 (or any status with a quota reason): the account's credits are used up. */
export class KiroQuotaExhaustedError extends KiroError {
  constructor(options: CommonOptions & { resetAt?: Date | undefined }) {
    super({
      kind: 'rate_limit',
      fault: 'account',
      code: 'kiro_quota_exhausted',
      message: options.message ?? 'The upstream account has used up its credits.',
      reason: 'quota_exhausted',
      resetAt: options.resetAt,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/** The account cannot be used: suspended, denied, misconfigured profile, or model not entitled. */
export class KiroAccountUnusableError extends KiroError {
  constructor(
    options: CommonOptions & {
      reason: 'suspended' | 'forbidden' | 'invalid_profile' | 'wrong_region' | 'model_unavailable';
    },
  ) {
    const messages = {
      suspended: 'The upstream account is suspended.',
      forbidden: 'The upstream account was denied access.',
      invalid_profile: 'The upstream account has no valid profile ARN.',
      wrong_region: 'The upstream account belongs to another API region.',
      model_unavailable: 'The requested model is not available to the upstream account.',
    } as const;
    super({
      kind: options.reason === 'model_unavailable' ? 'invalid_request' : 'upstream',
      fault: 'account',
      code: `kiro_${options.reason}`,
      message: options.message ?? messages[options.reason],
      reason: options.reason,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/** 400 "Improperly formed request": the request's fault; never counted against the account. */
export class KiroMalformedRequestError extends KiroError {
  constructor(options: CommonOptions) {
    const detail = [options.upstream?.message, options.upstream?.reason]
      .filter((part): part is string => typeof part === 'string' && part.length > 0)
      .join(' ');
    super({
      kind: 'invalid_request',
      fault: 'client',
      code: 'kiro_malformed_request',
      message:
        options.message ??
        `The upstream rejected the request as malformed${detail ? `: ${detail}` : '.'}`,
      reason: 'malformed_request',
      mayTryAnotherAccount: false,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/** Kiro answered 5xx or a status we do not know, or the stream broke its own rules. */
export class KiroUpstreamError extends KiroError {
  constructor(options: CommonOptions & { reason: 'upstream_5xx' | 'corrupt_stream' }) {
    super({
      kind: 'upstream',
      fault: 'upstream',
      code: `kiro_${options.reason}`,
      message:
        options.message ??
        (options.reason === 'corrupt_stream'
          ? 'The upstream response stream was corrupt.'
          : 'The upstream failed to process the request.'),
      reason: options.reason,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/** The connection failed: refused, reset, DNS, TLS, connect timeout, proxy failure. */
export class KiroNetworkError extends KiroError {
  constructor(options: CommonOptions & { code?: string | undefined }) {
    super({
      kind: 'upstream',
      fault: 'upstream',
      code: options.code ?? 'kiro_network_error',
      message: options.message ?? 'Could not reach the upstream.',
      reason: 'network',
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/**
 * A host that does not exist (DNS `ENOTFOUND`). For the API host this is the account's mistake, not a
 * network blip: its API region has no Kiro endpoint, and no retry on the same account will help.
 */
export class KiroUnknownHostError extends KiroError {
  readonly host: string | undefined;
  readonly apiRegion: string | undefined;

  constructor(
    options: CommonOptions & { host?: string | undefined; apiRegion?: string | undefined },
  ) {
    const host = options.host ?? 'the upstream host';
    super({
      kind: 'upstream',
      fault: 'account',
      code: 'kiro_unknown_host',
      message:
        options.message ??
        (options.apiRegion === undefined
          ? `${host} does not resolve (DNS: no such host).`
          : `The account's API region ${options.apiRegion} has no Kiro API host: ${host} does not resolve. Kiro's API runs in us-east-1 and eu-central-1; set the account's API region to one of them.`),
      reason: 'unknown_host',
      upstream: options.upstream,
      cause: options.cause,
    });
    this.host = options.host;
    this.apiRegion = options.apiRegion;
  }
}

/** No response in time (first byte), or silence between frames (idle). */
export class KiroTimeoutError extends KiroError {
  constructor(
    options: CommonOptions & {
      reason: 'first_byte_timeout' | 'idle_timeout';
      timeoutMs: number;
    },
  ) {
    super({
      kind: 'timeout',
      fault: 'upstream',
      code: `kiro_${options.reason}`,
      message:
        options.message ??
        (options.reason === 'first_byte_timeout'
          ? `The upstream did not start answering within ${options.timeoutMs} ms.`
          : `The upstream stream stalled for more than ${options.timeoutMs} ms.`),
      reason: options.reason,
      upstream: options.upstream,
      cause: options.cause,
    });
  }
}

/**
 * The prompt is too long for Kiro. A {@link PromptTooLongError} (so it renders as Anthropic's exact
 * "prompt is too long: N tokens > M maximum", which Claude Code matches to compact) that also carries
 * the Kiro details.
 */
export class KiroPromptTooLongError extends PromptTooLongError implements KiroErrorDetails {
  readonly reason: KiroErrorReason = 'context_too_long';
  readonly mayTryAnotherAccount = false;
  readonly upstream: KiroUpstreamDetails | undefined;
  readonly resetAt: Date | undefined = undefined;
  readonly suspiciousActivity = false;

  constructor(options: {
    promptTokens: number;
    maxTokens: number;
    upstream?: KiroUpstreamDetails | undefined;
    cause?: unknown;
  }) {
    super({
      promptTokens: Math.max(options.promptTokens, options.maxTokens + 1),
      maxTokens: options.maxTokens,
      cause: options.cause,
    });
    this.upstream = options.upstream;
    markKiroError(this);
  }
}
