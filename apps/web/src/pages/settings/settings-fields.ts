import type { ConfigKey } from '../../api/api-types';

/**
 * The settings the page edits, grouped as shown, with the same bounds the server's config schema
 * enforces (apps/server `serverConfigSchema`), so mistakes are caught before the round trip.
 */
/** Every key the server's config has (generated): a new one fails the build until it has a field. */
export type SettingKey = ConfigKey;

export type SettingField =
  | {
      key: SettingKey;
      kind: 'number';
      integer?: boolean;
      min?: number;
      /** `min` itself is not allowed (the server says "positive"). */
      exclusiveMin?: boolean;
      max?: number;
      unit?: 'minutes' | 'seconds' | 'hours' | 'mib' | 'bytes';
    }
  | { key: SettingKey; kind: 'boolean' }
  | { key: SettingKey; kind: 'select'; options: readonly string[] }
  | { key: SettingKey; kind: 'text'; nullable?: boolean }
  | { key: SettingKey; kind: 'list'; placeholder?: string }
  | { key: SettingKey; kind: 'aliases' }
  | { key: SettingKey; kind: 'keyPolicy' };

export interface SettingSection {
  key: 'routing' | 'health' | 'timeouts' | 'models' | 'images' | 'security' | 'server';
  fields: readonly SettingField[];
}

export const providerStrategies = [
  'lru',
  'round_robin',
  'least_usage',
  'most_usage',
  'oldest_first',
  'weighted',
] as const;

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const settingSections: readonly SettingSection[] = [
  {
    key: 'routing',
    fields: [
      { key: 'providerStrategy', kind: 'select', options: providerStrategies },
      { key: 'retries', kind: 'number', integer: true, min: 0, max: 10 },
      { key: 'maxErrorCount', kind: 'number', integer: true, min: 1 },
      { key: 'stickyTtlMinutes', kind: 'number', min: 0, unit: 'minutes' },
      { key: 'accountMaxConcurrency', kind: 'number', integer: true, min: 1 },
      { key: 'accountRequestsPerMinute', kind: 'number', integer: true, min: 0 },
      { key: 'apiKeyMaxConcurrency', kind: 'number', integer: true, min: 0 },
    ],
  },
  {
    key: 'health',
    fields: [
      { key: 'healthCheckIntervalMinutes', kind: 'number', min: 0, unit: 'minutes' },
      { key: 'usageSyncIntervalMinutes', kind: 'number', min: 0, unit: 'minutes' },
    ],
  },
  {
    key: 'timeouts',
    fields: [
      {
        key: 'firstTokenTimeoutSeconds',
        kind: 'number',
        min: 0,
        exclusiveMin: true,
        unit: 'seconds',
      },
      { key: 'idleTimeoutSeconds', kind: 'number', min: 0, exclusiveMin: true, unit: 'seconds' },
      {
        key: 'keepaliveIntervalSeconds',
        kind: 'number',
        min: 0,
        exclusiveMin: true,
        max: 600,
        unit: 'seconds',
      },
      { key: 'shutdownGraceSeconds', kind: 'number', min: 0, unit: 'seconds' },
      { key: 'bodyLimitMb', kind: 'number', min: 0, exclusiveMin: true, max: 512, unit: 'mib' },
    ],
  },
  {
    key: 'models',
    fields: [
      { key: 'defaultModel', kind: 'text', nullable: true },
      { key: 'modelAliases', kind: 'aliases' },
      { key: 'serverTools', kind: 'select', options: ['reject', 'drop'] },
    ],
  },
  {
    key: 'images',
    fields: [
      { key: 'imageFetchEnabled', kind: 'boolean' },
      { key: 'imageFetchMaxBytes', kind: 'number', integer: true, min: 1, unit: 'bytes' },
      {
        key: 'imageFetchTimeoutSeconds',
        kind: 'number',
        min: 0,
        exclusiveMin: true,
        max: 120,
        unit: 'seconds',
      },
      { key: 'imageFetchAllowList', kind: 'list', placeholder: 'cdn.intranet.example, 10.0.0.0/8' },
      { key: 'imageFetchMaxPerRequest', kind: 'number', integer: true, min: 0 },
      { key: 'imageFetchMaxTotalBytes', kind: 'number', integer: true, min: 1, unit: 'bytes' },
      { key: 'imageFetchMaxInFlightBytes', kind: 'number', integer: true, min: 1, unit: 'bytes' },
    ],
  },
  {
    key: 'security',
    fields: [
      {
        key: 'sessionExpireHours',
        kind: 'number',
        min: 0,
        exclusiveMin: true,
        max: 24 * 365,
        unit: 'hours',
      },
      { key: 'sessionIdleMinutes', kind: 'number', min: 0, exclusiveMin: true, unit: 'minutes' },
      { key: 'secureCookies', kind: 'boolean' },
      { key: 'trustProxy', kind: 'boolean' },
      { key: 'userKeyPolicy', kind: 'keyPolicy' },
      { key: 'trustedOrigins', kind: 'list', placeholder: 'https://octo.example.com' },
      { key: 'allowedHosts', kind: 'list', placeholder: 'octo.example.com' },
      { key: 'metricsToken', kind: 'text', nullable: true },
    ],
  },
  {
    key: 'server',
    fields: [
      { key: 'logLevel', kind: 'select', options: logLevels },
      { key: 'debug', kind: 'boolean' },
      { key: 'kiroVersion', kind: 'text' },
      { key: 'host', kind: 'text' },
      { key: 'port', kind: 'number', integer: true, min: 0, max: 65535 },
      {
        key: 'requestTimeoutSeconds',
        kind: 'number',
        min: 0,
        exclusiveMin: true,
        unit: 'seconds',
      },
      {
        key: 'headersTimeoutSeconds',
        kind: 'number',
        min: 0,
        exclusiveMin: true,
        unit: 'seconds',
      },
      { key: 'maxConnections', kind: 'number', integer: true, min: 1 },
    ],
  },
];
