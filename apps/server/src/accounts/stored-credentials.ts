import type { SecretBox } from '@octoproxy/auth';
import type { KiroCredentials } from '@octoproxy/kiro';
import type { AccountAuthMethod, AccountProvider, Storage } from '@octoproxy/storage';

import { credentialsAssociatedData } from '../routes/admin/account-service';

/**
 * What an account's sealed credentials hold: Kiro's token-file fields (so an export reads like the
 * file the IDE writes), flat, with the client registration merged in.
 */
export interface StoredCredentials {
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: string;
  clientId?: string;
  clientSecret?: string;
  clientSecretExpiresAt?: string;
  tokenEndpoint?: string;
  scopes?: string;
  /** Token-file spelling: `social`, `IdC`, `external_idp`, `api_key`. */
  authMethod?: string;
  provider?: string;
  /** Token-file meaning: the SSO region (Builder ID / IdC). */
  region?: string;
  startUrl?: string;
  profileArn?: string;
}

const tokenFileAuthMethods: Record<AccountAuthMethod, string> = {
  social: 'social',
  'builder-id': 'IdC',
  idc: 'IdC',
  'external-idp': 'external_idp',
  'api-key': 'api_key',
};

/** The Kiro client's credentials and the account's identity, in the stored shape. */
export function toStoredCredentials(options: {
  credentials: KiroCredentials;
  authMethod: AccountAuthMethod;
  provider: AccountProvider | null;
  ssoRegion: string | null;
  startUrl: string | null;
  profileArn: string | null;
}): StoredCredentials {
  const { credentials } = options;
  const stored: StoredCredentials = {
    accessToken: credentials.accessToken,
    refreshToken: credentials.refreshToken,
    expiresAt: credentials.expiresAt,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    clientSecretExpiresAt: credentials.clientSecretExpiresAt,
    tokenEndpoint: credentials.tokenEndpoint,
    scopes: credentials.scopes,
    authMethod: tokenFileAuthMethods[options.authMethod],
    provider: options.provider ?? undefined,
    region: options.ssoRegion ?? undefined,
    startUrl: options.startUrl ?? undefined,
    profileArn: options.profileArn ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(stored).filter((entry) => entry[1] !== undefined && entry[1] !== ''),
  );
}

export function sealCredentials(
  box: SecretBox,
  accountId: string,
  stored: StoredCredentials,
): string {
  return box.seal(JSON.stringify(stored), credentialsAssociatedData(accountId));
}

/** Every account's credentials, opened: for duplicate detection. Unreadable rows are skipped. */
export async function openAllCredentials(
  storage: Storage,
  box: SecretBox,
): Promise<Map<string, Record<string, unknown>>> {
  const opened = new Map<string, Record<string, unknown>>();
  for (const account of await storage.accounts.listAll()) {
    const sealed = await storage.accounts.getEncryptedCredentials(account.id);
    if (sealed === undefined) continue;
    try {
      opened.set(
        account.id,
        JSON.parse(box.open(sealed, credentialsAssociatedData(account.id))) as Record<
          string,
          unknown
        >,
      );
    } catch {
      // A row sealed under another key cannot be compared; it is not this account.
    }
  }
  return opened;
}
