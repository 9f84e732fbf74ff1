import type { LogQuery, StatsQuery, UsageQuery } from './api-types';

/** Every cache key in one place, so mutations invalidate exactly what they change. */
export const queryKeys = {
  session: ['session'] as const,
  providers: ['providers'] as const,
  apiKeys: ['api-keys'] as const,
  apiKeyPolicy: ['api-keys', 'policy'] as const,
  users: ['users'] as const,
  stats: (query: StatsQuery) => ['stats', query] as const,
  usage: (query: UsageQuery) => ['usage', query] as const,
  logs: (query: LogQuery) => ['logs', query] as const,
  config: ['config'] as const,
  models: ['models'] as const,
  signIn: (id: string) => ['sign-in', id] as const,
  signInCapabilities: ['sign-in', 'capabilities'] as const,
  localTokens: ['local-tokens'] as const,
};
