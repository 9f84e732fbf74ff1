/**
 * What the admin configures for one upstream account. The pool never sees credentials: the server maps
 * `id` to them inside its upstream port and attempt functions.
 */
export interface AccountConfig {
  id: string;
  /** Shown in events, errors and the UI; never a secret. */
  label: string;
  enabled: boolean;
  /** Epoch ms; `oldest_first` and the stable rotation order sort by it, then by id. */
  createdAt: number;
  /** Share of traffic under the `weighted` strategy (default 1; 0 takes the account out of it). */
  weight?: number | undefined;
  /** Requests in flight at once; defaults to `settings.concurrency.defaultMaxPerAccount`. */
  maxConcurrency?: number | undefined;
  /** Pacing budget; defaults to `settings.pacing.requestsPerMinute` (0 = unpaced). */
  requestsPerMinute?: number | undefined;
  /** The admin's model allow-list (model ids as the server normalises them); null or absent allows all. */
  allowedModels?: readonly string[] | null | undefined;
}
