import { createHash } from 'node:crypto';

import type { SecretBox } from '@octoproxy/auth';
import type { Account, Storage } from '@octoproxy/storage';

import { credentialsAssociatedData } from '../../routes/admin/account-service';
import { openAllCredentials } from '../stored-credentials';

/**
 * Kiro rotates refresh tokens: once an imported login has been refreshed here, the token in the
 * file it came from is dead, and importing that file again would only say "revoked". So each
 * account remembers (inside its sealed credentials, never in the clear) digests of the refresh
 * tokens it was imported from, and a file seen before is recognised as a duplicate.
 */
const field = 'importedRefreshTokens';
const kept = 10;

export function sourceFingerprint(refreshToken: string): string {
  return createHash('sha256').update(refreshToken, 'utf8').digest('hex');
}

/** The digests an account's opened credentials remember. */
export function importedSourcesOf(credentials: Record<string, unknown> | undefined): string[] {
  const value = credentials?.[field];
  return Array.isArray(value) ? value.filter((entry) => typeof entry === 'string') : [];
}

/** Adds the source token's digest to the account's sealed credentials. */
export async function rememberImportedSource(
  deps: { storage: Storage; box: SecretBox },
  accountId: string,
  refreshToken: string,
): Promise<void> {
  const sealed = await deps.storage.accounts.getEncryptedCredentials(accountId);
  if (sealed === undefined) return;
  const aad = credentialsAssociatedData(accountId);
  const stored = JSON.parse(deps.box.open(sealed, aad)) as Record<string, unknown>;
  const sources = [
    sourceFingerprint(refreshToken),
    ...importedSourcesOf(stored).filter((entry) => entry !== sourceFingerprint(refreshToken)),
  ].slice(0, kept);
  await deps.storage.accounts.update(accountId, {
    encryptedCredentials: deps.box.seal(JSON.stringify({ ...stored, [field]: sources }), aad),
  });
}

/**
 * The stored account a pasted refresh token belongs to: one holding it now, or one imported from
 * it before it was rotated. Checked before validation, which would only find it revoked.
 */
export async function accountOfSourceToken(
  deps: { storage: Storage; box: SecretBox },
  refreshToken: string,
): Promise<Account | undefined> {
  const digest = sourceFingerprint(refreshToken);
  const opened = await openAllCredentials(deps.storage, deps.box);
  const accounts = await deps.storage.accounts.listAll();
  return accounts.find((account) => {
    const credentials = opened.get(account.id);
    return (
      credentials?.refreshToken === refreshToken || importedSourcesOf(credentials).includes(digest)
    );
  });
}
