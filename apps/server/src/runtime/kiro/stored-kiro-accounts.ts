import type { SecretBox } from '@octoproxy/auth';
import type { KiroAccount, KiroCredentials, KiroTokenUpdate } from '@octoproxy/kiro';
import type { Account, Storage } from '@octoproxy/storage';

import { credentialsAssociatedData } from '../../routes/admin/account-service';

function isoOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') {
    const asNumber = Number(value);
    return Number.isFinite(asNumber) ? new Date(asNumber).toISOString() : value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The stored token file (any of Kiro's spellings) in the Kiro client's shape. */
export function toKiroCredentials(stored: Record<string, unknown>): KiroCredentials {
  return {
    // A Kiro API key is the bearer token itself (some files name it apiKey).
    accessToken: text(stored.accessToken) ?? text(stored.apiKey),
    refreshToken: text(stored.refreshToken),
    expiresAt: isoOf(stored.expiresAt),
    clientId: text(stored.clientId),
    clientSecret: text(stored.clientSecret),
    clientSecretExpiresAt: isoOf(stored.clientSecretExpiresAt),
    tokenEndpoint: text(stored.tokenEndpoint),
    scopes: Array.isArray(stored.scopes) ? stored.scopes.join(' ') : text(stored.scopes),
  };
}

/**
 * Accounts as the Kiro client needs them: configuration from storage, credentials opened from the
 * secret box, and rotated tokens sealed and written back.
 */
export class StoredKiroAccounts {
  /**
   * The last credentials opened per account, with the ciphertext they came from: every request
   * loads its account, and opening the same ciphertext again always gives the same plaintext.
   */
  private readonly opened = new Map<string, { sealed: string; credentials: KiroCredentials }>();

  constructor(
    private readonly storage: Storage,
    private readonly box: SecretBox,
  ) {}

  async load(accountId: string): Promise<KiroAccount> {
    const account = await this.storage.accounts.get(accountId);
    const sealed = await this.storage.accounts.getEncryptedCredentials(accountId);
    if (account === undefined || sealed === undefined) {
      this.opened.delete(accountId);
      throw new Error(`Account ${accountId} no longer exists.`);
    }
    let entry = this.opened.get(accountId);
    if (entry?.sealed !== sealed) {
      const stored = JSON.parse(
        this.box.open(sealed, credentialsAssociatedData(accountId)),
      ) as Record<string, unknown>;
      entry = { sealed, credentials: toKiroCredentials(stored) };
      this.opened.set(accountId, entry);
    }
    // A copy: the caller owns the account object it gets, as when it was opened afresh.
    return this.toKiroAccount(account, { ...entry.credentials });
  }

  toKiroAccount(account: Account, credentials: KiroCredentials): KiroAccount {
    return {
      id: account.id,
      authMethod: account.authMethod,
      apiRegion: account.region,
      ssoRegion: account.ssoRegion ?? undefined,
      profileArn: account.profileArn ?? undefined,
      machineId: account.machineId ?? undefined,
      proxyUrl: account.proxyUrl ?? undefined,
      credentials,
    };
  }

  /** Persists tokens the client refreshed, merged over what is stored (unknown fields kept). */
  async saveTokens(update: KiroTokenUpdate): Promise<void> {
    const sealed = await this.storage.accounts.getEncryptedCredentials(update.accountId);
    if (sealed === undefined) return;
    const aad = credentialsAssociatedData(update.accountId);
    const stored = JSON.parse(this.box.open(sealed, aad)) as Record<string, unknown>;
    const merged = { ...stored, ...definedOnly(update.credentials) };
    await this.storage.accounts.update(update.accountId, {
      encryptedCredentials: this.box.seal(JSON.stringify(merged), aad),
      ...(update.profileArn === undefined ? {} : { profileArn: update.profileArn }),
    });
  }
}

function definedOnly(credentials: KiroCredentials): Record<string, string> {
  return Object.fromEntries(
    Object.entries(credentials).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}
