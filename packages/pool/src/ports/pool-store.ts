import type { AccountConfig } from '../account/account-config';
import type { AccountState } from '../account/account-state';

/** One account as the store holds it: the admin's configuration plus the pool's last persisted state. */
export interface StoredAccount extends AccountConfig {
  /** The last state saved through {@link PoolStore.saveAccountState}; null for a new account. */
  state: unknown;
}

/**
 * Where account configuration and runtime state live (the server wires the real database). The pool
 * reads everything once at start (and on `reload()`), then keeps state in memory and writes changes back
 * off the request path, coalesced per account.
 */
export interface PoolStore {
  loadAccounts(): Promise<readonly StoredAccount[]>;
  /** Saves the whole runtime state of one account (a plain JSON object; upsert semantics). */
  saveAccountState(accountId: string, state: AccountState): Promise<void>;
}
