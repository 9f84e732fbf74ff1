import type { Provider, ServerConfig, User } from '../api/api-types';

/** Server-shaped records for the fake admin API. */
/** The fixed time of the fixtures. */
export const fakeNow = Date.UTC(2026, 0, 15, 12, 0, 0);
const now = fakeNow;

export function fakeUser(
  overrides: Partial<User> & { password?: string } = {},
): User & { password: string } {
  return {
    id: 'user-admin',
    username: 'admin',
    role: 'admin',
    isActive: true,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: now,
    updatedAt: now,
    password: 'correct horse battery',
    ...overrides,
  };
}

export function fakeProvider(overrides: Partial<Provider> = {}): Provider {
  return {
    id: 'acc-1',
    name: 'Team Pro 1',
    authMethod: 'social',
    provider: 'Google',
    region: 'us-east-1',
    apiRegion: 'us-east-1',
    ssoRegion: null,
    startUrl: null,
    profileArn: 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK',
    email: 'dev@example.com',
    plan: 'PRO',
    planTier: 'KIRO PRO',
    entitlements: ['claude-sonnet-4.5'],
    allowedModels: null,
    proxyUrl: null,
    isDisabled: false,
    healthState: 'healthy',
    healthReason: null,
    needsSignIn: false,
    consecutiveErrors: 0,
    errorCount: 0,
    lastError: null,
    lastErrorAt: null,
    cooldownUntil: null,
    cooldownReason: null,
    quarantined: false,
    quarantineReason: null,
    usage: {
      used: 120,
      limit: 1000,
      pools: [
        {
          kind: 'base',
          name: 'KIRO PRO',
          used: 120,
          limit: 1000,
          resetsAt: Date.UTC(2026, 1, 1),
          expiresAt: null,
          status: 'active',
        },
      ],
    },
    usageSyncedAt: now,
    usageResetsAt: null,
    lastUsedAt: null,
    useCount: 0,
    weight: 1,
    concurrencyCap: null,
    checkHealth: true,
    checkModelName: null,
    lastHealthCheckAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

export const defaultFakeConfig: ServerConfig = {
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
  imageFetchMaxBytes: 5242880,
  imageFetchTimeoutSeconds: 10,
  stickyTtlMinutes: 60,
  accountMaxConcurrency: 4,
  accountRequestsPerMinute: 0,
  kiroVersion: '0.10.32',
  sessionIdleMinutes: 30,
  secureCookies: false,
  trustProxy: false,
  trustedOrigins: [],
  userKeyPolicy: { maxKeys: 5, dailyLimit: null, rateLimitPerMinute: null, allowedModels: null },
};
