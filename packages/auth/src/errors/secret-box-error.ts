import { OctoProxyError } from '@octoproxy/converters';

/**
 * - `invalid_key`: key material that is not a 256-bit key in a supported encoding.
 * - `unknown_key_id`: the value was sealed with a key the keyring does not hold (key lost or changed).
 * - `decryption_failed`: the key id matches but authentication failed: wrong key, altered value, or a
 *   value moved to another record.
 * - `malformed_envelope`: not a sealed value of a version this package reads.
 */
export type SecretBoxErrorReason =
  'invalid_key' | 'unknown_key_id' | 'decryption_failed' | 'malformed_envelope';

/**
 * The secret box cannot do its job. An operator problem, not a client one: the message explains the fix
 * and never contains key material or plaintext.
 */
export class SecretBoxError extends OctoProxyError {
  readonly reason: SecretBoxErrorReason;

  constructor(options: { reason: SecretBoxErrorReason; message: string }) {
    super({
      kind: 'internal',
      fault: 'gateway',
      code: `secret_box_${options.reason}`,
      message: options.message,
    });
    this.reason = options.reason;
  }
}
