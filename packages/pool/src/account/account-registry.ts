import type { AccountConfig } from './account-config';
import { compareAccountOrder, createAccountEntry, type AccountEntry } from './account-entry';
import type { AccountState } from './account-state';

/** Every account in memory, by id and in the stable order. Selection never touches the store. */
export class AccountRegistry {
  private readonly byId = new Map<string, AccountEntry>();
  private orderedEntries: AccountEntry[] = [];

  get size(): number {
    return this.byId.size;
  }

  get(accountId: string): AccountEntry | undefined {
    return this.byId.get(accountId);
  }

  /** All accounts in the stable order (creation time, then id). Do not mutate. */
  ordered(): readonly AccountEntry[] {
    return this.orderedEntries;
  }

  /**
   * Adds an account or replaces its configuration. An existing account keeps its runtime counters (slots
   * in flight, pacing) and its state unless `state` is given.
   */
  upsert(config: AccountConfig, state: AccountState): AccountEntry {
    const existing = this.byId.get(config.id);
    if (existing !== undefined) {
      existing.config = config;
      this.sort();
      return existing;
    }
    const entry = createAccountEntry(config, state);
    this.byId.set(config.id, entry);
    this.orderedEntries.push(entry);
    this.sort();
    return entry;
  }

  remove(accountId: string): AccountEntry | undefined {
    const entry = this.byId.get(accountId);
    if (entry === undefined) return undefined;
    this.byId.delete(accountId);
    this.orderedEntries = this.orderedEntries.filter((candidate) => candidate !== entry);
    return entry;
  }

  private sort(): void {
    this.orderedEntries.sort(compareAccountOrder);
  }
}
