import type { PoolSettingsPatch } from '@octoproxy/pool';

import type { ServerConfig } from '../../config/config-schema';

/** The pool's settings from the server's (flat, seed-compatible) configuration. */
export function poolSettingsOf(config: ServerConfig): PoolSettingsPatch {
  return {
    strategy: config.providerStrategy,
    maxAttempts: Math.min(10, config.retries + 1),
    maxErrorCount: config.maxErrorCount,
    requestTimeoutMs: Math.round(config.firstTokenTimeoutSeconds * 1000),
    healthCheck: {
      enabled: config.healthCheckIntervalMinutes > 0,
      intervalMinutes: Math.max(1, config.healthCheckIntervalMinutes),
    },
    usageSync: {
      enabled: config.usageSyncIntervalMinutes > 0,
      intervalMinutes: Math.max(1, config.usageSyncIntervalMinutes),
    },
    sticky: {
      enabled: config.stickyTtlMinutes > 0,
      ttlMinutes: Math.max(1, config.stickyTtlMinutes),
    },
    concurrency: { defaultMaxPerAccount: config.accountMaxConcurrency },
    pacing: { requestsPerMinute: config.accountRequestsPerMinute },
  };
}
