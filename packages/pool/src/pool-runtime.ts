import type { AccountEntry } from './account/account-entry';
import type { AccountRegistry } from './account/account-registry';
import { ejectionVeto } from './account/ejection-veto';
import type { TransitionContext } from './account/record-failure';
import type { EventBus } from './events/event-bus';
import type { AccountChange, PoolEvent } from './events/pool-events';
import type { CapacitySignal } from './failover/capacity-signal';
import type { RetryBudget } from './failover/retry-budget';
import type { ClassifyFailure } from './failure/failure-class';
import type { StateWriter } from './persistence/state-writer';
import type { Clock } from './ports/clock';
import type { PoolUpstream } from './ports/pool-upstream';
import type { Random } from './ports/random';
import type { PanicCounter } from './selection/panic-counter';
import type { PoolSettings } from './settings/pool-settings';
import type { SelectionStrategy } from './strategies/selection-strategy';
import type { StickyRouter } from './sticky/sticky-router';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The pool's shared internals, handed to failover, leases and upkeep. Not part of the public API. */
export class PoolRuntime {
  constructor(
    readonly parts: {
      registry: AccountRegistry;
      clock: Clock;
      random: Random;
      classify: ClassifyFailure;
      upstream: PoolUpstream;
      events: EventBus;
      sticky: StickyRouter;
      budget: RetryBudget;
      capacity: CapacitySignal;
      panic: PanicCounter;
      writer: StateWriter;
      settings: () => PoolSettings;
      strategy: () => SelectionStrategy;
    },
  ) {}

  get registry(): AccountRegistry {
    return this.parts.registry;
  }
  get clock(): Clock {
    return this.parts.clock;
  }
  get random(): Random {
    return this.parts.random;
  }
  get classify(): ClassifyFailure {
    return this.parts.classify;
  }
  get upstream(): PoolUpstream {
    return this.parts.upstream;
  }
  get sticky(): StickyRouter {
    return this.parts.sticky;
  }
  get budget(): RetryBudget {
    return this.parts.budget;
  }
  get capacity(): CapacitySignal {
    return this.parts.capacity;
  }
  get panic(): PanicCounter {
    return this.parts.panic;
  }
  settings(): PoolSettings {
    return this.parts.settings();
  }
  strategy(): SelectionStrategy {
    return this.parts.strategy();
  }
  now(): number {
    return this.parts.clock.now();
  }

  transitionContext(): TransitionContext {
    const now = this.now();
    const settings = this.settings();
    return {
      now,
      settings,
      random: this.random,
      ejectionVeto: (entry) =>
        ejectionVeto(entry, { accounts: this.registry.ordered(), now, settings }),
    };
  }

  emit(event: DistributiveOmit<PoolEvent, 'at'>): void {
    this.parts.events.emit({ ...event, at: this.now() });
  }

  /**
   * Persists the entry's state and emits one event per change. Routine bookkeeping (uses, in-flight
   * slots) is coalesced; a state change or a failure (`urgent`) is written at once, so what the admin
   * reads from the store is never older than what the pool acts on.
   */
  commit(
    entry: AccountEntry,
    changes: readonly AccountChange[],
    options: { urgent?: boolean } = {},
  ): void {
    this.parts.writer.markDirty(entry.config.id, {
      urgent: options.urgent === true || changes.length > 0,
    });
    for (const detail of changes) {
      this.emit({
        type: 'account_changed',
        accountId: entry.config.id,
        label: entry.config.label,
        detail,
      });
    }
    // A state change may make an account eligible again: let waiting requests look.
    if (changes.length > 0) this.parts.capacity.notify();
  }

  /** Gives back a concurrency slot and wakes one round of waiting requests. */
  releaseSlot(entry: AccountEntry): void {
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    this.parts.capacity.notify();
  }
}
