// zod extended with `.openapi()`: the admin API publishes this schema as its `ServerConfig`
// component, and only schemas built after the extension carry the method.
import { z } from '@hono/zod-openapi';

import { logLevels } from '../env';
import { defaultUserKeyPolicy, userKeyPolicySchema } from './user-key-policy';

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
 * original's keys; the rest are ours. The admin UI edits the same keys through `PUT /api/config`;
 * the descriptions reach it through the OpenAPI document (`ServerConfig`).
 */
export const serverConfigSchema = z.object({
  port: z.number().int().min(0).max(65535).describe('Listen port (restart required).'),
  host: z.string().min(1).describe('Listen address (restart required).'),
  sessionExpireHours: z
    .number()
    .positive()
    .max(24 * 365)
    .describe('Absolute lifetime of an admin session, in hours.'),
  maxErrorCount: positiveInt.describe(
    'Consecutive transient failures before an account is ejected for a while.',
  ),
  healthCheckIntervalMinutes: z
    .number()
    .min(0)
    .describe('Minutes between account health checks (0 = off).'),
  retries: z
    .number()
    .int()
    .min(0)
    .max(10)
    .describe('Extra attempts on other accounts before the first byte (so up to retries + 1).'),
  providerStrategy: z
    .enum(providerStrategies)
    .describe('How the pool picks an account for a new conversation.'),
  usageSyncIntervalMinutes: z
    .number()
    .min(0)
    .describe('Minutes between quota, plan and entitlement syncs (0 = off).'),
  debug: z
    .boolean()
    .describe(
      "Log each request's and response's shape (roles, block types, sizes, tokens; never content).",
    ),

  logLevel: z.enum(logLevels).describe('Least severe log level written.'),
  bodyLimitMb: z
    .number()
    .positive()
    .max(512)
    .describe('Largest accepted request body on /v1/*, in MiB (413 beyond).'),
  keepaliveIntervalSeconds: seconds
    .max(600)
    .describe(
      'Seconds of upstream silence before a ping (Anthropic) or keepalive comment (OpenAI) goes out.',
    ),
  firstTokenTimeoutSeconds: seconds.describe(
    'Seconds to wait for the first upstream event before trying another account.',
  ),
  idleTimeoutSeconds: seconds.describe(
    'Seconds of upstream silence mid-stream before the stream ends with an error event.',
  ),
  shutdownGraceSeconds: z
    .number()
    .min(0)
    .describe('Seconds that running streams get to finish on shutdown.'),
  defaultModel: z
    .string()
    .min(1)
    .nullable()
    .describe('Model served for names no alias or account knows; null answers them with 404.'),
  modelAliases: z
    .record(z.string().min(1), z.string().min(1))
    .describe('Client model name → model to serve. Keys may end with * (prefix match).'),
  serverTools: z
    .enum(['reject', 'drop'])
    .describe(
      "Anthropic server-run tools (web_search_*, web_fetch_*, code_execution_*…) Kiro cannot run: 'reject' answers 400 naming the tool, 'drop' leaves them out and lists them in the x-octoproxy-adapted header.",
    ),
  imageFetchEnabled: z
    .boolean()
    .describe('Download http(s) image URLs and send them inline (else a 400 asks for base64).'),
  imageFetchAllowList: z
    .array(z.string().min(1))
    .describe('Hosts, addresses or CIDR ranges that may be fetched although private.'),
  imageFetchMaxBytes: positiveInt.describe('Size cap per downloaded image, in bytes.'),
  imageFetchTimeoutSeconds: seconds.max(120).describe('Time cap per downloaded image, in seconds.'),
  stickyTtlMinutes: z
    .number()
    .min(0)
    .describe(
      "Minutes a conversation stays on the account that served it (Kiro's prompt cache is per account; 0 = off).",
    ),
  accountMaxConcurrency: positiveInt.describe(
    'Requests in flight per account (a provider may override it).',
  ),
  apiKeyMaxConcurrency: z
    .number()
    .int()
    .min(0)
    .describe(
      'Requests in flight per API key, so one key cannot hold every account slot (429 beyond; 0 = no limit).',
    ),
  accountRequestsPerMinute: z
    .number()
    .int()
    .min(0)
    .describe('Requests per minute one account may serve (pacing; 0 = unpaced).'),
  kiroVersion: z
    .string()
    .min(1)
    .describe('Kiro IDE version announced upstream (restart required).'),
  sessionIdleMinutes: z
    .number()
    .positive()
    .describe('Minutes an admin session may sit unused (its lifetime is sessionExpireHours).'),
  secureCookies: z
    .boolean()
    .describe(
      'Always mark the admin session cookie Secure (it is anyway on requests that arrive over HTTPS, or through a trusted proxy that says so).',
    ),
  trustProxy: z
    .boolean()
    .describe(
      'Believe X-Forwarded-Proto from the reverse proxy in front of the server: "https" there makes the session cookie Secure.',
    ),
  trustedOrigins: z
    .array(z.url())
    .describe(
      "Browser origins besides the server's own allowed to call the admin API (restart required).",
    ),
  userKeyPolicy: userKeyPolicySchema.describe(
    'What non-admin users get when they create their own API keys: at most maxKeys keys, each with these limits (null = none). Only an admin changes a key’s limits.',
  ),
  allowedHosts: z
    .array(z.string().min(1))
    .describe(
      'Host names the admin API answers besides loopback names and the listen address (the public name behind a TLS proxy); others get 403, which stops DNS rebinding.',
    ),
  metricsToken: z
    .string()
    .min(16)
    .nullable()
    .describe(
      'Bearer token that /metrics requires (null = open, for a scraper on a private network).',
    ),
  requestTimeoutSeconds: seconds.describe(
    'Seconds a client may take to send a whole request, headers and body (restart required).',
  ),
  headersTimeoutSeconds: seconds.describe(
    'Seconds a client may take to send the request headers (restart required).',
  ),
  maxConnections: positiveInt.describe(
    'Open client connections the server accepts at once; more are refused (restart required).',
  ),
  imageFetchMaxPerRequest: z
    .number()
    .int()
    .min(0)
    .describe('Image URLs one request may ask the server to download (400 beyond).'),
  imageFetchMaxTotalBytes: positiveInt.describe(
    'Bytes all image downloads of one request may add up to (400 beyond).',
  ),
  imageFetchMaxInFlightBytes: positiveInt.describe(
    'Bytes of image downloads the whole server holds at once; a download beyond gets 503 (the client retries).',
  ),
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
  serverTools: 'reject',
  imageFetchEnabled: true,
  imageFetchAllowList: [],
  imageFetchMaxBytes: 5 * 1024 * 1024,
  imageFetchTimeoutSeconds: 10,
  stickyTtlMinutes: 60,
  accountMaxConcurrency: 4,
  apiKeyMaxConcurrency: 16,
  accountRequestsPerMinute: 0,
  kiroVersion: '0.10.32',
  sessionIdleMinutes: 30,
  secureCookies: false,
  trustProxy: false,
  trustedOrigins: [],
  userKeyPolicy: defaultUserKeyPolicy,
  allowedHosts: [],
  metricsToken: null,
  requestTimeoutSeconds: 300,
  headersTimeoutSeconds: 30,
  maxConnections: 1024,
  imageFetchMaxPerRequest: 8,
  imageFetchMaxTotalBytes: 20 * 1024 * 1024,
  imageFetchMaxInFlightBytes: 64 * 1024 * 1024,
});

/** Keys that take effect only after a restart; everything else applies live. */
export const restartOnlyKeys: ReadonlySet<ConfigKey> = new Set<ConfigKey>([
  'port',
  'host',
  'trustedOrigins',
  'kiroVersion',
  'requestTimeoutSeconds',
  'headersTimeoutSeconds',
  'maxConnections',
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
