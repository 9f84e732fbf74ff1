import type { AccountConfig } from '../account/account-config';
import type { AccountState } from '../account/account-state';
import type { PoolStore, StoredAccount } from '../ports/pool-store';

/** A {@link PoolStore} in memory: for tests and for running the pool without a database. */
export class MemoryPoolStore implements PoolStore {
  private readonly accounts = new Map<string, StoredAccount>();
  /** Every save, in order, for assertions. */
  readonly saves: Array<{ accountId: string; state: AccountState }> = [];

  constructor(accounts: readonly AccountConfig[] = []) {
    for (const account of accounts) this.put(account);
  }

  put(config: AccountConfig, state: unknown = null): void {
    this.accounts.set(config.id, { ...config, state });
  }

  delete(accountId: string): void {
    this.accounts.delete(accountId);
  }

  stateOf(accountId: string): unknown {
    return this.accounts.get(accountId)?.state;
  }

  loadAccounts(): Promise<readonly StoredAccount[]> {
    return Promise.resolve([...this.accounts.values()].map((account) => structuredClone(account)));
  }

  saveAccountState(accountId: string, state: AccountState): Promise<void> {
    const account = this.accounts.get(accountId);
    if (account !== undefined) account.state = structuredClone(state);
    this.saves.push({ accountId, state: structuredClone(state) });
    return Promise.resolve();
  }
}
