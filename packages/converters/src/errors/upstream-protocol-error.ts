import type { ErrorFault, ErrorKind } from './error-kind';
import { OctoProxyError } from './octoproxy-error';

const marker = Symbol.for('octoproxy.upstream-protocol-error');

/** Which protocol an upstream error was written in. */
export type ErrorProtocol = 'anthropic' | 'openai';

export interface UpstreamProtocolErrorOptions {
  kind: ErrorKind;
  fault: ErrorFault;
  code: string;
  message: string;
  protocol: ErrorProtocol;
  /** The `error.type` exactly as the upstream wrote it. */
  upstreamType: string;
  /** The HTTP status the upstream answered with, when known. */
  upstreamStatus?: number | undefined;
  param?: string | undefined;
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
}

/**
 * An error an upstream reported in its own protocol (an error body or a mid-stream error event),
 * rebuilt into the hierarchy. It keeps the upstream's `error.type`, so rendering it back in the same
 * protocol is faithful (e.g. Anthropic `billing_error` stays `billing_error`).
 */
export class UpstreamProtocolError extends OctoProxyError {
  readonly [marker] = true;
  readonly protocol: ErrorProtocol;
  readonly upstreamType: string;
  readonly upstreamStatus: number | undefined;

  constructor(options: UpstreamProtocolErrorOptions) {
    super(options);
    this.protocol = options.protocol;
    this.upstreamType = options.upstreamType;
    this.upstreamStatus = options.upstreamStatus;
  }

  /** Like `instanceof`, but survives duplicate installs of this package. */
  static isUpstreamProtocolError(value: unknown): value is UpstreamProtocolError {
    return (
      OctoProxyError.isInstance(value) &&
      (value as unknown as Record<symbol, unknown>)[marker] === true
    );
  }
}
