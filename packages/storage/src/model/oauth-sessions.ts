import type { Account, NewAccount } from './accounts';

export type OAuthSessionKind = 'social' | 'builder-id' | 'idc';
export type OAuthSessionStatus = 'pending' | 'completed' | 'failed' | 'expired' | 'cancelled';

/** A short-lived account login in progress. Its secrets are read with `getEncryptedSecrets`. */
export interface OAuthSession {
  id: string;
  kind: OAuthSessionKind;
  /** The OAuth `state` value, for matching a callback. */
  state: string | null;
  /** Non-secret data the UI shows: user code, verification URL, region, start URL… */
  details: Record<string, unknown> | null;
  status: OAuthSessionStatus;
  error: string | null;
  resultAccountId: string | null;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface NewOAuthSession {
  id?: string;
  kind: OAuthSessionKind;
  state?: string | null;
  /** Ciphertext of the PKCE verifier, client secret, device code…; never plaintext. */
  encryptedSecrets?: string | null;
  details?: Record<string, unknown> | null;
  expiresAt: number;
}

export interface OAuthSessionPatch {
  state?: string | null;
  encryptedSecrets?: string | null;
  details?: Record<string, unknown> | null;
  /** Leaving `pending` also erases the secrets: a finished flow keeps none. */
  status?: OAuthSessionStatus;
  error?: string | null;
}

export interface OAuthSessionRepository {
  create(input: NewOAuthSession): Promise<OAuthSession>;
  get(id: string): Promise<OAuthSession | undefined>;
  getByState(state: string): Promise<OAuthSession | undefined>;
  getEncryptedSecrets(id: string): Promise<string | undefined>;
  /** Sessions still pending, oldest first: a restarted server resumes their polling. */
  listPending(): Promise<OAuthSession[]>;
  update(id: string, patch: OAuthSessionPatch): Promise<OAuthSession | undefined>;
  /**
   * Creates the account and marks the session completed in one transaction, erasing its secrets.
   * @throws StorageConflictError (`reason: 'state'`) unless the session is pending.
   */
  complete(input: {
    sessionId: string;
    account: NewAccount;
  }): Promise<{ session: OAuthSession; account: Account }>;
  delete(id: string): Promise<boolean>;
  /** Deletes sessions past their expiry, whatever their status. Returns how many. */
  deleteExpired(now?: number): Promise<number>;
}
