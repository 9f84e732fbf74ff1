import type { AccountState } from '../account/account-state';
import type { Clock, TimerHandle } from '../ports/clock';
import type { PoolStore } from '../ports/pool-store';

/**
 * Writes account state to the store off the request path. Changes are coalesced per account for
 * `delayMs`; writes run one after another (never two for the same account at once); a failed write is
 * reported and retried with the next change or flush.
 */
export class StateWriter {
  private readonly dirty = new Set<string>();
  private timer: TimerHandle | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      store: PoolStore;
      clock: Clock;
      delayMs: () => number;
      /** The current state of an account, or undefined if it was removed. */
      read: (accountId: string) => AccountState | undefined;
      onError: (accountId: string, error: unknown) => void;
    },
  ) {}

  /** Queues the account's state; `urgent` writes it (and whatever else is pending) now. */
  markDirty(accountId: string, options: { urgent?: boolean } = {}): void {
    this.dirty.add(accountId);
    if (options.urgent === true) {
      void this.flush();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.delayMs());
  }

  /** Writes everything pending now; resolves once it is stored (or reported as failed). */
  flush(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    this.chain = this.chain.then(() => this.writePending());
    return this.chain;
  }

  private async writePending(): Promise<void> {
    const accountIds = [...this.dirty];
    this.dirty.clear();
    for (const accountId of accountIds) {
      const state = this.options.read(accountId);
      if (state === undefined) continue;
      try {
        await this.options.store.saveAccountState(accountId, structuredClone(state));
      } catch (error) {
        this.options.onError(accountId, error);
        this.dirty.add(accountId);
      }
    }
  }
}
