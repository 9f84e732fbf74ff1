/**
 * What a failed attempt means for the request and for the account:
 *
 * | class             | retry on another account | effect on the account                               |
 * | ----------------- | ------------------------ | --------------------------------------------------- |
 * | `client`          | no, returned at once     | none (the request is wrong)                         |
 * | `aborted`         | no                       | none (the caller went away)                         |
 * | `gateway`         | no, returned at once     | none (our own fault)                                |
 * | `capacity`        | yes                      | none (the model is busy upstream, not the account)  |
 * | `rate_limited`    | yes                      | cooldown: Retry-After, else exponential with jitter |
 * | `quota_exhausted` | yes                      | out until the quota reset date                      |
 * | `quarantine`      | yes                      | quarantined until an admin or a probe clears it     |
 * | `auth`            | yes                      | unhealthy until a recovery probe succeeds           |
 * | `misconfigured`   | yes                      | unhealthy at once; never quarantined or cooled down |
 * | `transient`       | yes                      | outlier counting: ejected after N in a row          |
 */
export type FailureClass =
  | 'client'
  | 'aborted'
  | 'gateway'
  | 'capacity'
  | 'rate_limited'
  | 'quota_exhausted'
  | 'quarantine'
  | 'auth'
  /** The account's own settings cannot work: wrong API region, bad profile, an API host that does not exist. */
  | 'misconfigured'
  | 'transient';

export interface FailureClassification {
  failureClass: FailureClass;
  /** The specific cause, e.g. `throttled`, `refresh_revoked`, `upstream_5xx`. */
  reason: string;
  /** A safe one-line description for logs and the UI. */
  message: string;
  /** From the upstream's Retry-After, when it sent one. */
  retryAfterMs?: number | undefined;
  /** When an exhausted quota resets (epoch ms), when known. */
  resetAt?: number | undefined;
}

/** Turns anything an attempt or an upstream call threw into a {@link FailureClassification}. */
export type ClassifyFailure = (error: unknown) => FailureClassification;

/** Whether the pool may move the request to another account after this class of failure. */
export function isRetryableClass(failureClass: FailureClass): boolean {
  switch (failureClass) {
    case 'client':
    case 'aborted':
    case 'gateway':
      return false;
    case 'capacity':
    case 'rate_limited':
    case 'quota_exhausted':
    case 'quarantine':
    case 'auth':
    case 'misconfigured':
    case 'transient':
      return true;
  }
}
