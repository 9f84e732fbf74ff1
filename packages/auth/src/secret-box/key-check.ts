import { SecretBoxError } from '../errors/secret-box-error';
import type { SecretBox } from './secret-box';

const keyCheckPlaintext = 'octoproxy key check';
const keyCheckAssociatedData = 'octoproxy/key-check';

/**
 * A value the app stores once (e.g. in settings) so a later start can tell at once whether it has the
 * right key, instead of failing on the first account that needs its token.
 */
export function createKeyCheck(box: SecretBox): string {
  return box.seal(keyCheckPlaintext, keyCheckAssociatedData);
}

/**
 * Throws {@link SecretBoxError} (`unknown_key_id` or `decryption_failed`) unless `keyCheck` opens
 * with the configured keys. Run it at start and refuse to serve when it throws.
 */
export function assertKeyCheck(box: SecretBox, keyCheck: string): void {
  if (box.open(keyCheck, keyCheckAssociatedData) !== keyCheckPlaintext) {
    throw new SecretBoxError({
      reason: 'decryption_failed',
      message: 'The stored key check does not match the configured secret key.',
    });
  }
}
