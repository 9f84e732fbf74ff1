import { z } from 'zod';

import { logLevels } from '../env';

export const providerStrategies = [
  'lru',
  'round_robin',
  'least_usage',
  'most_usage',
  'oldest_first',
  'weighted',
] as const;

const positiveInt = z.number().int().positive();
const seconds = z.number().positive();

/**
 * Every setting of the server, flat like the original `configs/config.json`. The first block is the
 * original's keys; the rest are ours. The admin UI edits the same keys through `PUT /api/config`.
 */
export const serverConfigSchema = z.object({
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
  sessionExpireHours: z
    .number()
    .positive()
    .max(24 * 365),
  maxErrorCount: positiveInt,
  healthCheckIntervalMinutes: z.number().min(0),
  retries: z.number().int().min(0).max(10),
  providerStrategy: z.enum(providerStrategies),
  usageSyncIntervalMinutes: z.number().min(0),
  debug: z.boolean(),

  logLevel: z.enum(logLevels),
  /** Largest accepted request body on `/v1/*`, in MiB (413 beyond). */
  bodyLimitMb: z.number().positive().max(512),
  /** Seconds of upstream silence before a `ping` (Anthropic) or `: keepalive` (OpenAI) goes out. */
  keepaliveIntervalSeconds: seconds.max(600),
  /** Seconds to wait for the first upstream event before trying another account. */
  firstTokenTimeoutSeconds: seconds,
  /** Seconds of upstream silence mid-stream before the stream ends with an error event. */
  idleTimeoutSeconds: seconds,
  /** Seconds that running streams get to finish on shutdown. */
  shutdownGraceSeconds: z.number().min(0),
  /** Model used when a request names a model that no alias or account knows; `null` → 404. */
  defaultModel: z.string().min(1).nullable(),
  /** Client model name → model to serve. Keys may end with `*` (prefix match). */
  modelAliases: z.record(z.string().min(1), z.string().min(1)),
  /** Download http(s) image URLs and send them inline (the upstream accepts inline images only). */
  imageFetchEnabled: z.boolean(),
  /** Hosts or CIDR ranges that may be fetched even though they are private (e.g. an intranet CDN). */
  imageFetchAllowList: z.array(z.string().min(1)),
  imageFetchMaxBytes: positiveInt,
  imageFetchTimeoutSeconds: seconds.max(120),
  /** How long a conversation stays on the account that served it (Kiro's prompt cache is per account). */
  stickyTtlMinutes: z.number().min(0),
  /** Concurrent requests one account may serve. */
  accountMaxConcurrency: positiveInt,
  /** Requests per minute one account may serve (pacing; 0 = unlimited). */
  accountRequestsPerMinute: z.number().int().min(0),
  /** Kiro IDE version announced upstream. */
  kiroVersion: z.string().min(1),
  /** Minutes an admin session may sit unused (its absolute lifetime is `sessionExpireHours`). */
  sessionIdleMinutes: z.number().positive(),
  /** Send the admin session cookie over HTTPS only (turn on when users reach the UI over HTTPS). */
  secureCookies: z.boolean(),
  /** Browser origins besides the server's own allowed to call the admin API (e.g. a TLS proxy URL). */
  trustedOrigins: z.array(z.url()),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;
export type ConfigKey = keyof ServerConfig;

/** A partial config: what the file, the database or a `PUT /api/config` contributes. */
export const serverConfigPatchSchema = serverConfigSchema.partial();
export type ServerConfigPatch = z.infer<typeof serverConfigPatchSchema>;

export const defaultConfig: Readonly<ServerConfig> = Object.freeze({
  port: 9091,
  host: '0.0.0.0',
  sessionExpireHours: 24,
  maxErrorCount: 3,
  healthCheckIntervalMinutes: 10,
  retries: 3,
  providerStrategy: 'lru',
  usageSyncIntervalMinutes: 10,
  debug: false,

  logLevel: 'info',
  bodyLimitMb: 32,
  keepaliveIntervalSeconds: 15,
  firstTokenTimeoutSeconds: 120,
  idleTimeoutSeconds: 120,
  shutdownGraceSeconds: 30,
  defaultModel: 'claude-sonnet-4.5',
  modelAliases: {},
  imageFetchEnabled: true,
  imageFetchAllowList: [],
  imageFetchMaxBytes: 5 * 1024 * 1024,
  imageFetchTimeoutSeconds: 10,
  stickyTtlMinutes: 60,
  accountMaxConcurrency: 4,
  accountRequestsPerMinute: 0,
  kiroVersion: '0.10.32',
  sessionIdleMinutes: 30,
  secureCookies: false,
  trustedOrigins: [],
});

/** Keys that take effect only after a restart; everything else applies live. */
export const restartOnlyKeys: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'port',
  'host',
  'secureCookies',
  'trustedOrigins',
  'kiroVersion',
]);

/** Keys of the original config file that are accepted and ignored (their feature moved elsewhere). */
export const retiredKeys: ReadonlySet<string> = new Set([
  'adminPassword',
  'dbPath',
  'requestMaxRetries',
  'requestBaseDelay',
  'cronRefreshTokenMinutes',
  'systemPrompt',
]);
