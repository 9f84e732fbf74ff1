/** Which account an upstream call is for; the server maps the id to credentials. */
export interface UpstreamAccountRef {
  id: string;
  label: string;
}

export interface TokenStatus {
  /** Whether a refresh actually happened (false when the token was still valid long enough). */
  refreshed: boolean;
  /** When the access token now expires (epoch ms), when known. */
  expiresAt: number | null;
}

/** Quota, plan and entitlements as the upstream reports them (Kiro: getUsageLimits + ListAvailableModels). */
export interface UsageReport {
  used: number | null;
  limit: number | null;
  /** Omit to let the pool decide (`used >= limit` with a positive limit). */
  exhausted?: boolean | undefined;
  /** Epoch ms. */
  resetAt: number | null;
  plan: string | null;
  /** Model ids the account may use, in the same id space as requests; null when unknown. */
  entitledModels: string[] | null;
  /** What else the upstream said (credit pools, plan tier…), kept as it is for the admin UI. */
  detail?: unknown;
}

/**
 * The upstream calls the pool's health and upkeep jobs need. None of them may spend quota except
 * `probeGeneration`, which runs only when `settings.healthCheck.generationModel` is set. Failures are
 * thrown and go through the same failure classifier as request attempts.
 */
export interface PoolUpstream {
  /** Refreshes the access token unless it stays valid for at least `minValidityMs` (`Infinity`: always). */
  refreshToken(
    account: UpstreamAccountRef,
    options: { minValidityMs: number; signal: AbortSignal },
  ): Promise<TokenStatus>;
  fetchUsage(account: UpstreamAccountRef, options: { signal: AbortSignal }): Promise<UsageReport>;
  /** A tiny real generation on `model` (costs a little quota). */
  probeGeneration?(
    account: UpstreamAccountRef,
    options: { model: string; signal: AbortSignal },
  ): Promise<void>;
}
