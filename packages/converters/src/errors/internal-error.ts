import { OctoProxyError } from './octoproxy-error';

/**
 * Wraps anything thrown that is not an {@link OctoProxyError}. The client sees a generic message;
 * the original error stays in `cause` for logs.
 */
export class InternalError extends OctoProxyError {
  constructor(cause?: unknown) {
    super({
      kind: 'internal',
      fault: 'gateway',
      code: 'internal_error',
      message: 'Internal server error.',
      cause,
    });
  }

  /** Returns `error` if it already belongs to the hierarchy, else wraps it. */
  static from(error: unknown): OctoProxyError {
    return OctoProxyError.isInstance(error) ? error : new InternalError(error);
  }
}
