import type { AccountEntry } from '../account/account-entry';
import { recordFailure } from '../account/record-failure';
import { recordCredits, recordSuccess } from '../account/record-success';
import type { LeaseOutcome } from '../events/pool-events';
import type { TimerHandle } from '../ports/clock';
import type { PoolRuntime } from '../pool-runtime';

/** What the caller reports when a stream finished well. */
export interface LeaseSuccessReport {
  /** Credits the request consumed (Kiro `meteringEvent`), to keep the quota estimate current. */
  creditsUsed?: number | undefined;
}

/**
 * The account's concurrency slot after the commit point, held while the caller streams the response.
 * The caller settles it exactly once: `succeed()`, `fail(error)` for a mid-stream failure (counts against
 * the account unless the error is the client's), or `abort()` when the client went away (never
 * penalises the account). Later calls are ignored and return false. A lease left unsettled past
 * `maxLeaseMinutes` is released on its own, without blame.
 */
export class Lease {
  private settledAs: LeaseOutcome | undefined;
  private readonly expiry: TimerHandle;
  private readonly startedAt: number;

  constructor(
    private readonly runtime: PoolRuntime,
    private readonly entry: AccountEntry,
    private readonly requestId: string | undefined,
  ) {
    this.startedAt = runtime.now();
    this.expiry = runtime.clock.setTimeout(
      () => this.settle('expired', () => undefined),
      runtime.settings().maxLeaseMinutes * 60_000,
    );
  }

  get accountId(): string {
    return this.entry.config.id;
  }

  /** How the lease ended, or undefined while it is held. */
  get outcome(): LeaseOutcome | undefined {
    return this.settledAs;
  }

  get settled(): boolean {
    return this.settledAs !== undefined;
  }

  succeed(report: LeaseSuccessReport = {}): boolean {
    return this.settle('succeeded', () => {
      if (report.creditsUsed !== undefined) recordCredits(this.entry, report.creditsUsed);
      this.runtime.commit(this.entry, recordSuccess(this.entry));
    });
  }

  fail(error: unknown): boolean {
    return this.settle('failed', () => {
      const failure = this.runtime.classify(error);
      const changes = recordFailure(this.entry, failure, this.runtime.transitionContext());
      this.runtime.commit(this.entry, changes, { urgent: true });
    });
  }

  abort(): boolean {
    return this.settle('aborted', () => undefined);
  }

  private settle(outcome: LeaseOutcome, apply: () => void): boolean {
    if (this.settledAs !== undefined) return false;
    this.settledAs = outcome;
    this.expiry.cancel();
    apply();
    this.runtime.releaseSlot(this.entry);
    this.runtime.budget.requestEnded();
    this.runtime.emit({
      type: 'lease_settled',
      accountId: this.entry.config.id,
      outcome,
      durationMs: this.runtime.now() - this.startedAt,
      requestId: this.requestId,
    });
    return true;
  }
}
