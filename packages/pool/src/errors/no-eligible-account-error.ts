import { OctoProxyError } from '@octoproxy/converters/errors';

/** Why no account could take a request. */
export type NoEligibleAccountReason =
  | 'none_configured'
  | 'all_disabled'
  | 'model_unavailable'
  | 'all_cooling_down'
  | 'all_unavailable'
  | 'all_at_capacity';

/**
 * No account can serve the request right now. Rendered as Anthropic 529 `overloaded_error` / OpenAI 503
 * with `Retry-After` set to when the soonest account becomes available again.
 */
export class NoEligibleAccountError extends OctoProxyError {
  readonly reason: NoEligibleAccountReason;
  /** When the soonest account becomes available again (epoch ms), when known. */
  readonly availableAt: number | undefined;

  constructor(options: {
    reason: NoEligibleAccountReason;
    message: string;
    retryAfterSeconds?: number | undefined;
    availableAt?: number | undefined;
    cause?: unknown;
  }) {
    super({
      kind: 'overloaded',
      fault: 'gateway',
      code: 'no_eligible_account',
      message: options.message,
      retryAfterSeconds: options.retryAfterSeconds,
      cause: options.cause,
    });
    this.reason = options.reason;
    this.availableAt = options.availableAt;
  }
}
