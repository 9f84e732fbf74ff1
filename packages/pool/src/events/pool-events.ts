import type { AccountHealth, Cooldown, UsageSnapshot } from '../account/account-state';
import type { EjectionVeto } from '../account/ejection-veto';
import type { IneligibleReason } from '../account/eligibility';
import type { NoEligibleAccountReason } from '../errors/no-eligible-account-error';
import type { FailureClassification } from '../failure/failure-class';
import type { PoolSettings } from '../settings/pool-settings';

/** A change to one account's state; each is also persisted through the store port. */
export type AccountChange =
  | { change: 'cooldown_started'; until: number; cause: Cooldown['cause']; reason: string }
  | { change: 'cooldown_ended'; cause: Cooldown['cause'] }
  /** The failure streak called for an outlier ejection, but the ejection guard refused it. */
  | { change: 'ejection_skipped'; veto: EjectionVeto; reason: string }
  | { change: 'health_changed'; from: AccountHealth; to: AccountHealth; reason: string | null }
  | { change: 'quarantined'; reason: string; strikes: number; nextProbeAt: number }
  | { change: 'quarantine_cleared'; by: 'admin' | 'probe' }
  | { change: 'quota_exhausted'; until: number }
  | { change: 'quota_restored'; by: 'reset_date' | 'usage_sync' | 'admin' }
  | { change: 'usage_updated'; usage: UsageSnapshot }
  | { change: 'token_refreshed'; expiresAt: number | null }
  | { change: 'reset_by_admin' };

/** How sticky routing decided an account: the conversation's account (`hit`), a new binding, or none. */
export type StickyOutcome = 'hit' | 'miss' | 'rebound' | 'none';

export type UpkeepTaskName = 'health_check' | 'recovery_probe' | 'usage_sync' | 'token_refresh';

export type LeaseOutcome = 'succeeded' | 'failed' | 'aborted' | 'expired';

/** Everything the pool reports, for metrics, logs and the admin UI. `at` is epoch ms. */
export type PoolEvent =
  | { type: 'account_changed'; at: number; accountId: string; label: string; detail: AccountChange }
  | {
      type: 'account_selected';
      at: number;
      accountId: string;
      attempt: number;
      model: string | undefined;
      sticky: StickyOutcome;
      queuedMs: number;
      requestId: string | undefined;
    }
  | {
      /**
       * No account could take the attempt, so it went to an ejected one (Envoy's panic mode): the
       * account, when its ejection ends, and why the others could not serve (count per reason).
       */
      type: 'panic_routed';
      at: number;
      accountId: string;
      attempt: number;
      model: string | undefined;
      ejectedUntil: number;
      unavailable: Partial<Record<IneligibleReason, number>>;
      requestId: string | undefined;
    }
  | {
      type: 'attempt_failed';
      at: number;
      accountId: string;
      attempt: number;
      failure: FailureClassification;
      willRetry: boolean;
      requestId: string | undefined;
    }
  | {
      type: 'request_committed';
      at: number;
      accountId: string;
      attempts: number;
      elapsedMs: number;
      requestId: string | undefined;
    }
  | {
      type: 'request_failed';
      at: number;
      attempts: number;
      code: string;
      message: string;
      requestId: string | undefined;
    }
  | {
      type: 'lease_settled';
      at: number;
      accountId: string;
      outcome: LeaseOutcome;
      durationMs: number;
      requestId: string | undefined;
    }
  | {
      type: 'no_eligible_account';
      at: number;
      reason: NoEligibleAccountReason;
      model: string | undefined;
      retryAfterSeconds: number | undefined;
      requestId: string | undefined;
    }
  | {
      type: 'retry_budget_exhausted';
      at: number;
      retriesInFlight: number;
      limit: number;
      requestId: string | undefined;
    }
  | {
      type: 'upkeep_task';
      at: number;
      task: UpkeepTaskName;
      accountId: string;
      outcome: 'ok' | 'failed' | 'timed_out';
      durationMs: number;
      failure: FailureClassification | undefined;
    }
  | { type: 'persist_failed'; at: number; accountId: string; message: string }
  | { type: 'settings_updated'; at: number; settings: PoolSettings }
  | { type: 'accounts_loaded'; at: number; count: number };

export type PoolEventListener = (event: PoolEvent) => void;
