export { createPool, Pool, type PoolOptions } from './pool';
export type { PoolStats } from './pool-stats';

export type { AccountConfig } from './account/account-config';
export type {
  AccountHealth,
  AccountState,
  Cooldown,
  LastError,
  Quarantine,
  UsageSnapshot,
} from './account/account-state';
export { initialAccountState, parseAccountState } from './account/account-state';
export type { AccountSnapshot } from './account/account-snapshot';
export type { Ineligibility, IneligibleReason } from './account/eligibility';
export type { EjectionVeto } from './account/ejection-veto';

export type { AttemptContext, AttemptFunction, AttemptReport } from './failover/run-attempt';
export type { PoolRunOptions, PoolRunResult } from './failover/run-with-failover';
export { Lease, type LeaseSuccessReport } from './failover/lease';

export {
  defaultClassifyFailure,
  failureClassByReason,
  toEpochMs,
} from './failure/default-classify-failure';
export {
  isRetryableClass,
  type ClassifyFailure,
  type FailureClass,
  type FailureClassification,
} from './failure/failure-class';

export {
  NoEligibleAccountError,
  type NoEligibleAccountReason,
} from './errors/no-eligible-account-error';
export { DeadlineExceededError } from './errors/deadline-exceeded-error';
export { RequestAbortedError } from './errors/request-aborted-error';
export { InvalidSettingsError } from './errors/invalid-settings-error';

export type {
  AccountChange,
  LeaseOutcome,
  PoolEvent,
  PoolEventListener,
  StickyOutcome,
  UpkeepTaskName,
} from './events/pool-events';

export { systemClock, type Clock, type TimerHandle } from './ports/clock';
export { createSeededRandom, mathRandom, type Random } from './ports/random';
export type { PoolStore, StoredAccount } from './ports/pool-store';
export type {
  PoolUpstream,
  TokenStatus,
  UpstreamAccountRef,
  UsageReport,
} from './ports/pool-upstream';

export {
  defaultPoolSettings,
  poolSettingsSchema,
  resolvePoolSettings,
  strategyNames,
  type PoolSettings,
  type PoolSettingsPatch,
  type StrategyName,
} from './settings/pool-settings';

export {
  deriveStickyKey,
  type StickyKey,
  type StickyKeyRequest,
  type StickyKeySource,
} from './sticky/derive-sticky-key';
export type { PanicStats } from './selection/panic-counter';
export type { StickyStats } from './sticky/sticky-router';
