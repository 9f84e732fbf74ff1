import { z } from 'zod';

import { InvalidSettingsError } from '../errors/invalid-settings-error';

export const strategyNames = [
  'lru',
  'round_robin',
  'least_usage',
  'most_usage',
  'oldest_first',
  'weighted',
] as const;

export type StrategyName = (typeof strategyNames)[number];

const ms = z.number().int().nonnegative();
const positiveMs = z.number().int().positive();
const fraction = z.number().min(0).max(1);

/** Every live setting the pool reads, with its default. Durations in ms unless the name says otherwise. */
export const poolSettingsSchema = z.object({
  strategy: z.enum(strategyNames).default('lru'),
  /** Attempts per request, each on a different account. */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** Envoy-style budget: retries in flight ≤ max(minRetryConcurrency, percent% of active requests). */
  retryBudget: z
    .object({
      percent: z.number().min(0).max(100).default(20),
      minRetryConcurrency: z.number().int().nonnegative().default(3),
    })
    .prefault({}),
  /** Deadline for the pre-commit phase when the request brings none. */
  requestTimeoutMs: positiveMs.default(180_000),
  /** Per-attempt cap before the first event (0 = only the upstream client's own first-byte timeout). */
  attemptTimeoutMs: ms.default(0),
  /** Full-jitter pause before retrying after a transient failure. */
  retryBackoff: z.object({ baseMs: ms.default(100), capMs: ms.default(2_000) }).prefault({}),
  /** Consecutive transient failures (5xx, network, timeouts) before an account is ejected. */
  maxErrorCount: z.number().int().min(1).default(3),
  /**
   * Ejection lasts baseMs × (number of ejections), capped. At most `maxPercent` % of the enabled accounts
   * (at least one) are ejected at once, and never one when no other account could serve right now: a
   * degraded account that answers most requests beats refusing everything.
   */
  ejection: z
    .object({
      baseMs: positiveMs.default(30_000),
      maxMs: positiveMs.default(600_000),
      maxPercent: z.number().min(0).max(100).default(50),
      /**
       * Panic routing (Envoy's panic mode): when no other account can take a request, send it to an
       * ejected account rather than fail it. Off = fail with "no eligible account" instead.
       */
      panicRouting: z.boolean().default(true),
    })
    .prefault({}),
  /** 429 cooldown when no Retry-After came: baseMs doubling per consecutive 429, capped. */
  rateLimit: z
    .object({
      baseCooldownMs: positiveMs.default(5_000),
      maxCooldownMs: positiveMs.default(300_000),
      /** Longer Retry-After values are capped to this: never stuck for days. */
      maxRetryAfterMs: positiveMs.default(3_600_000),
    })
    .prefault({}),
  /** Quota exhausted with no known reset date: out this long, then the usage sync decides. */
  quota: z.object({ unknownResetCooldownMs: positiveMs.default(3_600_000) }).prefault({}),
  /** Relative jitter applied to cooldowns and probe delays (0.2 = ±20 %). */
  jitter: fraction.default(0.2),
  quarantine: z
    .object({
      probeBaseMs: positiveMs.default(900_000),
      probeMaxMs: positiveMs.default(21_600_000),
      /** A clean spell this long resets the strike count. */
      strikeDecayMs: positiveMs.default(86_400_000),
    })
    .prefault({}),
  /** Recovery probes for unhealthy accounts: baseMs doubling per failed probe, capped. */
  recovery: z
    .object({ probeBaseMs: positiveMs.default(60_000), probeMaxMs: positiveMs.default(1_800_000) })
    .prefault({}),
  concurrency: z
    .object({
      defaultMaxPerAccount: z.number().int().min(1).default(4),
      /** How long a request may wait for a free slot or pacing budget (0 = fail at once). */
      queueTimeoutMs: ms.default(10_000),
      /** Requests waiting at once; more are refused at once. */
      maxQueued: z.number().int().nonnegative().default(256),
    })
    .prefault({}),
  /** Ban-risk control: per-account request rate with a small burst and randomised spacing. */
  pacing: z
    .object({
      /** Default for accounts without their own value; 0 = unpaced. */
      requestsPerMinute: z.number().nonnegative().default(0),
      burst: z.number().int().min(1).default(3),
      jitter: fraction.default(0.3),
    })
    .prefault({}),
  sticky: z
    .object({
      enabled: z.boolean().default(true),
      ttlMinutes: z.number().positive().default(60),
      maxEntries: z.number().int().min(1).default(10_000),
    })
    .prefault({}),
  healthCheck: z
    .object({
      enabled: z.boolean().default(true),
      intervalMinutes: z.number().positive().default(10),
      /** When set, health checks and probes also run a tiny generation on this model (costs quota). */
      generationModel: z.string().min(1).nullable().default(null),
    })
    .prefault({}),
  usageSync: z
    .object({
      enabled: z.boolean().default(true),
      intervalMinutes: z.number().positive().default(10),
    })
    .prefault({}),
  tokenRefresh: z
    .object({
      enabled: z.boolean().default(true),
      /** Refresh when the token expires within this many minutes. */
      minValidityMinutes: z.number().positive().default(10),
      checkIntervalMinutes: z.number().positive().default(2),
    })
    .prefault({}),
  upkeep: z
    .object({
      /** How often the scheduler looks for due work. */
      tickSeconds: z.number().positive().default(15),
      /** Upkeep calls in flight at once across all accounts (one per account at most). */
      concurrency: z.number().int().min(1).default(2),
      /** Per call: a slow account is given up on, never waited for. */
      taskTimeoutMs: positiveMs.default(30_000),
    })
    .prefault({}),
  /** Coalescing delay for state writes to the store. */
  persistDelayMs: ms.default(1_000),
  /** A lease not settled by then is released (safety net against leaked slots). */
  maxLeaseMinutes: z.number().positive().default(30),
});

export type PoolSettings = z.infer<typeof poolSettingsSchema>;

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** A partial settings object: any subset of fields, at any depth. */
export type PoolSettingsPatch = DeepPartial<PoolSettings>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}

/** Applies `patch` over `base` and validates the result; throws {@link InvalidSettingsError}. */
export function resolvePoolSettings(
  patch: PoolSettingsPatch | undefined,
  base?: PoolSettings,
): PoolSettings {
  const merged = base === undefined ? (patch ?? {}) : deepMerge(base, patch);
  const result = poolSettingsSchema.safeParse(merged);
  if (!result.success) {
    throw new InvalidSettingsError({
      message: `Invalid pool settings: ${z.prettifyError(result.error)}`,
      cause: result.error,
    });
  }
  return result.data;
}

export const defaultPoolSettings: PoolSettings = resolvePoolSettings({});
