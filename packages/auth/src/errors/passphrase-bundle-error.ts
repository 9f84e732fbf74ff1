import { OctoProxyError } from '@octoproxy/converters';

/**
 * - `malformed`: not a bundle of a format and version this package reads, or parameters out of range.
 * - `decryption_failed`: the passphrase is wrong, or a byte of the bundle (header or data) was changed.
 */
export type PassphraseBundleErrorReason = 'malformed' | 'decryption_failed';

/** A passphrase bundle cannot be opened: the client's bundle or passphrase, so a 400. */
export class PassphraseBundleError extends OctoProxyError {
  readonly reason: PassphraseBundleErrorReason;

  constructor(options: { reason: PassphraseBundleErrorReason; message: string }) {
    super({
      kind: 'invalid_request',
      fault: 'client',
      code: `bundle_${options.reason}`,
      message: options.message,
    });
    this.reason = options.reason;
  }
}
