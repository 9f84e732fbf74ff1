import type { AccountEntry } from '../account/account-entry';
import { sweepExpired } from '../account/record-success';
import type { UpkeepTaskName } from '../events/pool-events';
import { raceSignal } from '../failover/race-signal';
import type { FailureClassification } from '../failure/failure-class';
import type { TimerHandle } from '../ports/clock';
import type { PoolRuntime } from '../pool-runtime';
import { dueUpkeepTask } from './due-upkeep-task';
import { applyUpkeepFailure, performUpkeepTask } from './upkeep-tasks';

/**
 * The pool's background jobs: health checks, recovery probes, usage sync and proactive token refresh.
 * Every tick (live `upkeep.tickSeconds`) it clears expired cooldowns and starts the due task of each idle
 * account, up to `upkeep.concurrency` calls at once. A task never overlaps another on the same account;
 * each has a timeout after which its slot is freed for other accounts (the account itself stays busy
 * until the call really ends), so a slow account never blocks the rest.
 */
export class UpkeepScheduler {
  private timer: TimerHandle | undefined;
  private running = false;
  private slotsInUse = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();

  constructor(private readonly runtime: PoolRuntime) {}

  get started(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops ticking, aborts running calls and waits for them to end. */
  async stop(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
    for (const controller of this.controllers) controller.abort(new Error('Pool stopped.'));
    await Promise.allSettled([...this.inFlight]);
  }

  /** Settings changed: tick soon so new intervals apply without waiting out the old one. */
  reschedule(): void {
    if (this.running) this.schedule(0);
  }

  /** One pass: sweep expired exclusions, then start due tasks. Exposed for tests and admin triggers. */
  tick(): void {
    const now = this.runtime.now();
    const settings = this.runtime.settings();
    for (const entry of this.runtime.registry.ordered()) {
      const changes = sweepExpired(entry, now);
      if (changes.length > 0) this.runtime.commit(entry, changes);
    }
    for (const entry of this.runtime.registry.ordered()) {
      if (this.slotsInUse >= settings.upkeep.concurrency) break;
      const task = dueUpkeepTask(entry, { now, settings });
      if (task !== undefined) void this.runTask(entry, task);
    }
  }

  /** Runs `task` on the account now (admin "check now"); resolves when it ends. */
  async runNow(entry: AccountEntry, task: UpkeepTaskName): Promise<void> {
    if (entry.upkeepBusy) return;
    await this.runTask(entry, task);
  }

  private schedule(delayMs: number): void {
    this.timer?.cancel();
    this.timer = this.runtime.clock.setTimeout(() => {
      this.timer = undefined;
      if (!this.running) return;
      this.tick();
      this.schedule(this.runtime.settings().upkeep.tickSeconds * 1000);
    }, delayMs);
  }

  private runTask(entry: AccountEntry, task: UpkeepTaskName): Promise<void> {
    const runtime = this.runtime;
    const startedAt = runtime.now();
    const controller = new AbortController();
    entry.upkeepBusy = true;
    entry.lastUpkeep[task] = startedAt;
    this.slotsInUse += 1;
    this.controllers.add(controller);
    let slotHeld = true;
    const freeSlot = () => {
      if (!slotHeld) return;
      slotHeld = false;
      this.slotsInUse -= 1;
    };
    const timeout = runtime.clock.setTimeout(() => {
      controller.abort(new DOMException('Upkeep call timed out.', 'TimeoutError'));
    }, runtime.settings().upkeep.taskTimeoutMs);

    const call = Promise.resolve().then(() =>
      performUpkeepTask(runtime, { task, entry, signal: controller.signal }),
    );
    void call
      .catch(() => undefined)
      .finally(() => {
        // The account may take another task only once its call has really ended.
        entry.upkeepBusy = false;
      });
    const outcome = raceSignal(call, { signal: controller.signal }).then(
      () => this.report({ task, entry, startedAt, outcome: 'ok', failure: undefined }),
      (error: unknown) => {
        const timedOut = controller.signal.aborted && this.running;
        const failure: FailureClassification = timedOut
          ? {
              failureClass: 'transient',
              reason: 'upkeep_timeout',
              message: 'Upkeep call timed out.',
            }
          : runtime.classify(error);
        if (this.running || !controller.signal.aborted)
          applyUpkeepFailure(runtime, { task, entry, failure });
        this.report({
          task,
          entry,
          startedAt,
          outcome: timedOut ? 'timed_out' : 'failed',
          failure,
        });
      },
    );
    const done = outcome.finally(() => {
      timeout.cancel();
      freeSlot();
      this.controllers.delete(controller);
    });
    // stop() waits for the raced outcome only: a call that ignores its abort signal cannot hold it up.
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  private report(options: {
    task: UpkeepTaskName;
    entry: AccountEntry;
    startedAt: number;
    outcome: 'ok' | 'failed' | 'timed_out';
    failure: FailureClassification | undefined;
  }): void {
    this.runtime.emit({
      type: 'upkeep_task',
      task: options.task,
      accountId: options.entry.config.id,
      outcome: options.outcome,
      durationMs: this.runtime.now() - options.startedAt,
      failure: options.failure,
    });
  }
}
