import type { AccountConfig } from './account/account-config';
import { AccountRegistry } from './account/account-registry';
import { snapshotAccount, type AccountSnapshot } from './account/account-snapshot';
import { parseAccountState } from './account/account-state';
import { recordUsage } from './account/record-upkeep';
import { resetByAdmin } from './account/record-success';
import { EventBus } from './events/event-bus';
import type { PoolEventListener } from './events/pool-events';
import { CapacitySignal } from './failover/capacity-signal';
import { RetryBudget } from './failover/retry-budget';
import {
  runWithFailover,
  type PoolRunOptions,
  type PoolRunResult,
} from './failover/run-with-failover';
import { defaultClassifyFailure } from './failure/default-classify-failure';
import type { ClassifyFailure } from './failure/failure-class';
import { StateWriter } from './persistence/state-writer';
import { systemClock, type Clock } from './ports/clock';
import type { PoolStore } from './ports/pool-store';
import type { PoolUpstream, UsageReport } from './ports/pool-upstream';
import { mathRandom, type Random } from './ports/random';
import { PoolRuntime } from './pool-runtime';
import { summarizeAccounts, type PoolStats } from './pool-stats';
import { PanicCounter } from './selection/panic-counter';
import {
  resolvePoolSettings,
  type PoolSettings,
  type PoolSettingsPatch,
} from './settings/pool-settings';
import { createStrategy } from './strategies/create-strategy';
import type { SelectionStrategy } from './strategies/selection-strategy';
import { StickyRouter } from './sticky/sticky-router';
import { UpkeepScheduler } from './upkeep/upkeep-scheduler';

export interface PoolOptions {
  store: PoolStore;
  upstream: PoolUpstream;
  /** Initial settings (any subset; the rest take defaults). Change them later with `updateSettings`. */
  settings?: PoolSettingsPatch | undefined;
  /** Maps thrown errors to failure classes; the default reads `reason` and the OctoProxyError fields. */
  classifyFailure?: ClassifyFailure | undefined;
  clock?: Clock | undefined;
  random?: Random | undefined;
  /** Called when an event listener throws (the pool itself carries on). */
  onListenerError?: ((error: unknown) => void) | undefined;
}

/**
 * The account pool: in-memory registry, selection strategies, sticky routing, failover with leases,
 * cooldowns, and the upkeep jobs. One instance per server process.
 */
export class Pool {
  private currentSettings: PoolSettings;
  private currentStrategy: SelectionStrategy;
  private readonly registry = new AccountRegistry();
  private readonly events: EventBus;
  private readonly writer: StateWriter;
  private readonly runtime: PoolRuntime;
  private readonly scheduler: UpkeepScheduler;
  private readonly sticky = new StickyRouter();
  private readonly budget = new RetryBudget();
  private readonly capacity = new CapacitySignal();
  private readonly panic = new PanicCounter();
  private readonly store: PoolStore;
  private readonly clock: Clock;

  constructor(options: PoolOptions) {
    this.currentSettings = resolvePoolSettings(options.settings);
    this.currentStrategy = createStrategy(this.currentSettings.strategy);
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.events = new EventBus(options.onListenerError);
    this.writer = new StateWriter({
      store: options.store,
      clock: this.clock,
      delayMs: () => this.currentSettings.persistDelayMs,
      read: (accountId) => this.registry.get(accountId)?.state,
      onError: (accountId, error) =>
        this.runtime.emit({
          type: 'persist_failed',
          accountId,
          message: error instanceof Error ? error.message : String(error),
        }),
    });
    this.runtime = new PoolRuntime({
      registry: this.registry,
      clock: this.clock,
      random: options.random ?? mathRandom,
      classify: options.classifyFailure ?? defaultClassifyFailure,
      upstream: options.upstream,
      events: this.events,
      sticky: this.sticky,
      budget: this.budget,
      capacity: this.capacity,
      panic: this.panic,
      writer: this.writer,
      settings: () => this.currentSettings,
      strategy: () => this.currentStrategy,
    });
    this.scheduler = new UpkeepScheduler(this.runtime);
  }

  get settings(): PoolSettings {
    return this.currentSettings;
  }

  /** Loads accounts and their persisted state, then starts the upkeep jobs. */
  async start(): Promise<void> {
    await this.reload();
    this.scheduler.start();
  }

  /** Stops the upkeep jobs and writes pending state. Leases already handed out stay valid. */
  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.writer.flush();
  }

  /** Writes pending state changes to the store now. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /**
   * (Re)reads every account from the store. Accounts already in memory keep their runtime state (it is
   * newer than the stored copy) and take the new configuration; missing ones are removed.
   */
  async reload(): Promise<void> {
    const stored = await this.store.loadAccounts();
    const seen = new Set<string>();
    for (const { state, ...config } of stored) {
      seen.add(config.id);
      this.registry.upsert(config, parseAccountState(state));
    }
    for (const entry of [...this.registry.ordered()]) {
      if (!seen.has(entry.config.id)) this.removeAccount(entry.config.id);
    }
    this.capacity.notify();
    this.runtime.emit({ type: 'accounts_loaded', count: this.registry.size });
  }

  /** Runs one request with failover; see {@link PoolRunOptions} for the attempt contract. */
  run<T>(options: PoolRunOptions<T>): Promise<PoolRunResult<T>> {
    return runWithFailover(this.runtime, options);
  }

  /** Applies a settings change at run time; throws `InvalidSettingsError` and keeps the old ones. */
  updateSettings(patch: PoolSettingsPatch): PoolSettings {
    const next = resolvePoolSettings(patch, this.currentSettings);
    if (next.strategy !== this.currentSettings.strategy) {
      this.currentStrategy = createStrategy(next.strategy);
    }
    this.currentSettings = next;
    this.runtime.emit({ type: 'settings_updated', settings: next });
    this.scheduler.reschedule();
    this.capacity.notify();
    return next;
  }

  subscribe(listener: PoolEventListener): () => void {
    return this.events.subscribe(listener);
  }

  /** Adds an account or changes its configuration (admin edit); its runtime state is kept. */
  upsertAccount(config: AccountConfig, storedState?: unknown): void {
    const existing = this.registry.get(config.id);
    this.registry.upsert({ ...config }, existing?.state ?? parseAccountState(storedState));
    this.capacity.notify();
  }

  removeAccount(accountId: string): boolean {
    const removed = this.registry.remove(accountId);
    this.sticky.forgetAccount(accountId);
    return removed !== undefined;
  }

  /** Lifts a quarantine (admin decision). */
  clearQuarantine(accountId: string): boolean {
    const entry = this.registry.get(accountId);
    if (entry?.state.quarantine == null) return false;
    entry.state.quarantine = null;
    entry.state.quarantineLiftedAt = this.clock.now();
    entry.state.nextProbeAt = entry.state.health === 'unhealthy' ? this.clock.now() : null;
    this.runtime.commit(entry, [{ change: 'quarantine_cleared', by: 'admin' }]);
    return true;
  }

  /** Clears every exclusion on the account: cooldown, quarantine, unhealthy, quota block. */
  resetAccount(accountId: string): boolean {
    const entry = this.registry.get(accountId);
    if (entry === undefined) return false;
    this.runtime.commit(entry, resetByAdmin(entry, this.clock.now()));
    return true;
  }

  /** Stores usage the server fetched itself (e.g. the admin's "refresh usage" button). */
  recordUsage(accountId: string, report: UsageReport): boolean {
    const entry = this.registry.get(accountId);
    if (entry === undefined) return false;
    this.runtime.commit(entry, recordUsage(entry, report, this.runtime.transitionContext()));
    return true;
  }

  /**
   * Runs a health check on the account now (admin "check now"); resolves when it ends.
   * `refreshToken: true` also refreshes a token that is still valid, proving the refresh token works.
   */
  async checkAccount(
    accountId: string,
    options: { refreshToken?: boolean } = {},
  ): Promise<AccountSnapshot | undefined> {
    const entry = this.registry.get(accountId);
    if (entry === undefined) return undefined;
    entry.refreshOnNextCheck = options.refreshToken === true;
    const unwell = entry.state.quarantine !== null || entry.state.health === 'unhealthy';
    await this.scheduler.runNow(entry, unwell ? 'recovery_probe' : 'health_check');
    return this.account(accountId);
  }

  /** Fetches the account's usage now; resolves when it ends. */
  async syncUsage(accountId: string): Promise<AccountSnapshot | undefined> {
    const entry = this.registry.get(accountId);
    if (entry === undefined) return undefined;
    await this.scheduler.runNow(entry, 'usage_sync');
    return this.account(accountId);
  }

  /** Runs one upkeep pass now (sweep expired cooldowns, start due jobs). */
  runUpkeep(): void {
    this.scheduler.tick();
  }

  account(accountId: string): AccountSnapshot | undefined {
    const entry = this.registry.get(accountId);
    return entry === undefined
      ? undefined
      : snapshotAccount(entry, { now: this.clock.now(), settings: this.currentSettings });
  }

  accounts(): AccountSnapshot[] {
    const options = { now: this.clock.now(), settings: this.currentSettings };
    return this.registry.ordered().map((entry) => snapshotAccount(entry, options));
  }

  stats(): PoolStats {
    return {
      strategy: this.currentSettings.strategy,
      ...summarizeAccounts(this.accounts()),
      queued: this.capacity.waiting,
      retryBudget: {
        activeRequests: this.budget.activeRequests,
        retriesInFlight: this.budget.retriesInFlight,
        limit: this.budget.limit(this.currentSettings.retryBudget),
      },
      sticky: this.sticky.stats(),
      panic: this.panic.stats(),
    };
  }
}

export function createPool(options: PoolOptions): Pool {
  return new Pool(options);
}
