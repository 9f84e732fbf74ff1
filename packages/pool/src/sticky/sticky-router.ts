import type { StickyOutcome } from '../events/pool-events';

export interface StickyStats {
  hits: number;
  misses: number;
  rebinds: number;
  /** hits / (hits + misses + rebinds); 0 before any keyed request. */
  hitRate: number;
  bindings: number;
}

interface Binding {
  accountId: string;
  expiresAt: number;
}

/**
 * Conversation → account bindings with a sliding TTL, bounded in size (least recently touched evicted
 * first: a Map keeps insertion order, and every touch re-inserts).
 */
export class StickyRouter {
  private readonly bindings = new Map<string, Binding>();
  private hits = 0;
  private misses = 0;
  private rebinds = 0;

  /** The bound account, if the binding is still alive. */
  lookup(key: string, now: number): string | undefined {
    const binding = this.bindings.get(key);
    if (binding === undefined) return undefined;
    if (binding.expiresAt <= now) {
      this.bindings.delete(key);
      return undefined;
    }
    return binding.accountId;
  }

  bind(
    key: string,
    options: { accountId: string; now: number; ttlMs: number; maxEntries: number },
  ): void {
    this.bindings.delete(key);
    this.bindings.set(key, {
      accountId: options.accountId,
      expiresAt: options.now + options.ttlMs,
    });
    while (this.bindings.size > options.maxEntries) {
      const oldest = this.bindings.keys().next();
      if (oldest.done === true) break;
      this.bindings.delete(oldest.value);
    }
  }

  count(outcome: StickyOutcome): void {
    switch (outcome) {
      case 'hit':
        this.hits += 1;
        break;
      case 'miss':
        this.misses += 1;
        break;
      case 'rebound':
        this.rebinds += 1;
        break;
      case 'none':
        break;
    }
  }

  /** Drops every binding to `accountId` (the account was removed). */
  forgetAccount(accountId: string): void {
    for (const [key, binding] of this.bindings) {
      if (binding.accountId === accountId) this.bindings.delete(key);
    }
  }

  stats(): StickyStats {
    const keyed = this.hits + this.misses + this.rebinds;
    return {
      hits: this.hits,
      misses: this.misses,
      rebinds: this.rebinds,
      hitRate: keyed === 0 ? 0 : this.hits / keyed,
      bindings: this.bindings.size,
    };
  }
}
