import { z } from 'zod';

/**
 * `healthy`: serving normally. `recovering`: back from an ejection or a successful probe but not yet
 * proven by a real request; one more failure ejects it again. `unhealthy`: cannot serve (its token cannot
 * be refreshed, access is denied, or its settings cannot work: API region, profile); only a successful
 * recovery probe (or an admin reset) brings it back.
 */
export type AccountHealth = 'healthy' | 'recovering' | 'unhealthy';

/** What the upstream last said about the account's quota, plan and entitlements. */
export interface UsageSnapshot {
  /** Credits used in the current period, when known. */
  used: number | null;
  /** Credits available in the period (base + active trial + bonuses), when known. */
  limit: number | null;
  /** Whether the upstream considers the quota spent (e.g. overage disabled and used ≥ limit). */
  exhausted: boolean;
  /** When the quota resets (epoch ms), when known. */
  resetAt: number | null;
  /** Subscription title or type, e.g. `KIRO PRO`. */
  plan: string | null;
  /** Model ids the plan entitles the account to; null when unknown (then every model is allowed). */
  entitledModels: string[] | null;
  /** When this snapshot was fetched (epoch ms). */
  syncedAt: number;
  /** The report's `detail` (plain JSON, opaque to the pool); null when none came. */
  detail?: unknown;
}

/** A temporary exclusion that ends by itself at `until` (rate limit or outlier ejection). */
export interface Cooldown {
  until: number;
  cause: 'rate_limited' | 'ejected';
  /** The failure reason behind it, e.g. `throttled`, `upstream_5xx`. */
  reason: string;
}

/** Held out until an admin clears it or a recovery probe succeeds (suspended, suspicious activity). */
export interface Quarantine {
  reason: string;
  since: number;
}

export interface LastError {
  at: number;
  failureClass: string;
  reason: string;
  message: string;
}

/** The pool-managed runtime state of one account. Plain JSON: the store persists it as it is. */
export interface AccountState {
  health: AccountHealth;
  /** Why the account is unhealthy or was last marked so, e.g. `refresh_revoked`. */
  healthReason: string | null;
  cooldown: Cooldown | null;
  quarantine: Quarantine | null;
  /** Quarantines in a row without a long clean spell between them; grows the first probe's delay. */
  quarantineStrikes: number;
  /** When the last quarantine was lifted (epoch ms); strikes decay after a long clean spell. */
  quarantineLiftedAt: number | null;
  /** Quota spent until this time (epoch ms); cleared early when a usage sync shows credits again. */
  quotaExhaustedUntil: number | null;
  usage: UsageSnapshot | null;
  /** Consecutive transient failures (5xx, network, timeouts) since the last success. */
  consecutiveFailures: number;
  /** Outlier ejections so far; each ejection lasts longer. Decays with successes. */
  ejectionCount: number;
  /** Consecutive rate limits since the last success; grows the backoff when no Retry-After came. */
  rateLimitStreak: number;
  lastUsedAt: number | null;
  useCount: number;
  /** Failures counted against the account (every class but client, abort, gateway and capacity). */
  errorCount: number;
  lastError: LastError | null;
  lastHealthCheckAt: number | null;
  /** Next recovery probe (epoch ms) while unhealthy or quarantined. */
  nextProbeAt: number | null;
  /** Failed recovery probes in a row; grows the probe backoff. */
  probeFailures: number;
  /** Access-token expiry as last reported by the upstream port (epoch ms). */
  tokenExpiresAt: number | null;
}

export function initialAccountState(): AccountState {
  return {
    health: 'healthy',
    healthReason: null,
    cooldown: null,
    quarantine: null,
    quarantineStrikes: 0,
    quarantineLiftedAt: null,
    quotaExhaustedUntil: null,
    usage: null,
    consecutiveFailures: 0,
    ejectionCount: 0,
    rateLimitStreak: 0,
    lastUsedAt: null,
    useCount: 0,
    errorCount: 0,
    lastError: null,
    lastHealthCheckAt: null,
    nextProbeAt: null,
    probeFailures: 0,
    tokenExpiresAt: null,
  };
}

const timestamp = z.number().finite().nullable();
const count = z.number().int().nonnegative().catch(0);

/**
 * Persisted state comes back from a database we do not control: anything malformed falls back to its
 * initial value rather than taking an account out for good.
 */
export const accountStateSchema = z.object({
  health: z.enum(['healthy', 'recovering', 'unhealthy']).catch('healthy'),
  healthReason: z.string().nullable().catch(null),
  cooldown: z
    .object({
      until: z.number().finite(),
      cause: z.enum(['rate_limited', 'ejected']),
      reason: z.string(),
    })
    .nullable()
    .catch(null),
  quarantine: z.object({ reason: z.string(), since: z.number().finite() }).nullable().catch(null),
  quarantineStrikes: count,
  quarantineLiftedAt: timestamp.catch(null),
  quotaExhaustedUntil: timestamp.catch(null),
  usage: z
    .object({
      used: z.number().finite().nullable(),
      limit: z.number().finite().nullable(),
      exhausted: z.boolean(),
      resetAt: timestamp,
      plan: z.string().nullable(),
      entitledModels: z.array(z.string()).nullable(),
      syncedAt: z.number().finite(),
      detail: z.unknown().optional(),
    })
    .nullable()
    .catch(null),
  consecutiveFailures: count,
  ejectionCount: count,
  rateLimitStreak: count,
  lastUsedAt: timestamp.catch(null),
  useCount: count,
  errorCount: count,
  lastError: z
    .object({
      at: z.number().finite(),
      failureClass: z.string(),
      reason: z.string(),
      message: z.string(),
    })
    .nullable()
    .catch(null),
  lastHealthCheckAt: timestamp.catch(null),
  nextProbeAt: timestamp.catch(null),
  probeFailures: count,
  tokenExpiresAt: timestamp.catch(null),
});

/** Reads a stored state leniently: missing or malformed fields take their initial values. */
export function parseAccountState(stored: unknown): AccountState {
  const base = initialAccountState();
  if (typeof stored !== 'object' || stored === null) return base;
  const merged = { ...base, ...(stored as Record<string, unknown>) };
  return accountStateSchema.parse(merged);
}
