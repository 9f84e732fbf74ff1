import type { ErrorFault, ErrorKind } from './error-kind';

const marker = Symbol.for('octoproxy.error');

export interface OctoProxyErrorOptions {
  kind: ErrorKind;
  /** Stable machine-readable code, e.g. `context_length_exceeded`; sent as OpenAI `error.code`. */
  code: string;
  message: string;
  fault: ErrorFault;
  /** The request field at fault, when there is one (OpenAI `error.param`). */
  param?: string | undefined;
  /** When the caller may try again; sent as `Retry-After`. */
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
}

/**
 * The root of the project's one error hierarchy. Messages are safe to show to API clients: never put a
 * secret in one. The marker survives duplicate installs of this package, so use {@link isInstance}
 * rather than `instanceof` across package boundaries.
 */
export class OctoProxyError extends Error {
  readonly [marker] = true;
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fault: ErrorFault;
  readonly param: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(options: OctoProxyErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = options.kind;
    this.code = options.code;
    this.fault = options.fault;
    this.param = options.param;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** Whether another attempt (on this or another account) could succeed. */
  get retryable(): boolean {
    return this.fault === 'account' || this.fault === 'upstream';
  }

  static isInstance(value: unknown): value is OctoProxyError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[marker] === true
    );
  }
}
