import type { KiroTokenRecord } from '@octoproxy/kiro';

import type { AccountSettings } from '../onboard-account';
import type { ImportCandidate } from './import-result';
import { candidateFromTokenRecord } from './token-record-candidate';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The original kept 0/1 integers for booleans; this server uses booleans. */
function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  return undefined;
}

/** The original stored `clientSecretExpiresAt` in epoch seconds; others use ms or ISO. */
function isoOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  }
  return text(value);
}

function settingsOf(entry: Record<string, unknown>): AccountSettings {
  const settings: AccountSettings = {};
  const name = text(entry.name);
  if (name !== undefined) settings.name = name;
  const checkHealth = flag(entry.check_health ?? entry.checkHealth);
  if (checkHealth !== undefined) settings.healthCheckEnabled = checkHealth;
  const checkModel = text(entry.check_model_name ?? entry.checkModelName);
  if (checkModel !== undefined) settings.healthCheckModel = checkModel;
  const proxyUrl = text(entry.proxyUrl);
  if (proxyUrl !== undefined) settings.proxyUrl = proxyUrl;
  if (Array.isArray(entry.allowedModels)) {
    settings.allowedModels = entry.allowedModels.filter((model) => typeof model === 'string');
  }
  if (typeof entry.weight === 'number') settings.weight = entry.weight;
  if (typeof entry.concurrencyCap === 'number') settings.concurrencyCap = entry.concurrencyCap;
  return settings;
}

/**
 * One entry of `{providers: [...]}`: the original OctoProxy's export (`GET /api/providers/export`:
 * `{name, region, credentials: "<JSON text>", account_email, check_health, check_model_name,
 * is_disabled}`, octoproxy.md §7.3) or this server's own import body (`POST /api/providers/import`).
 */
export function candidateFromProviderEntry(options: {
  source: string;
  entry: unknown;
  /** `original`: the first OctoProxy's, whose `region` was the SSO region of Builder ID / IdC. */
  dialect: 'original' | 'octoproxy';
  now?: number;
}): ImportCandidate {
  const { source, entry, now } = options;
  if (!isRecord(entry)) return { source, problem: 'Not a provider entry.', warnings: [] };
  let credentials: unknown = entry.credentials;
  if (typeof credentials === 'string') {
    try {
      credentials = JSON.parse(credentials) as unknown;
    } catch {
      return { source, problem: 'Its credentials are not JSON.', warnings: [] };
    }
  }
  if (!isRecord(credentials)) return { source, problem: 'It has no credentials.', warnings: [] };
  const record: KiroTokenRecord = { ...credentials };
  const clientSecretExpiresAt = isoOf(credentials.clientSecretExpiresAt);
  if (clientSecretExpiresAt !== undefined) record.clientSecretExpiresAt = clientSecretExpiresAt;
  const expiresAt = isoOf(credentials.expiresAt);
  if (expiresAt !== undefined) record.expiresAt = expiresAt;
  const social = (text(credentials.authMethod)?.toLowerCase() ?? 'social') === 'social';
  const column = text(entry.region);
  // The original used one region for everything: for Builder ID / IdC it was the SSO region.
  const original = options.dialect === 'original';
  const disabled = flag(entry.is_disabled ?? entry.isDisabled);
  return candidateFromTokenRecord({
    source,
    record,
    apiRegion: social || !original ? column : undefined,
    ssoRegion: social
      ? undefined
      : (text(entry.ssoRegion) ??
        text(credentials.ssoRegion) ??
        (original ? column : undefined) ??
        text(credentials.region)),
    settings: settingsOf(entry),
    extras: {
      ...(disabled === undefined ? {} : { disabled }),
      email: text(entry.account_email ?? entry.email),
    },
    now,
  });
}
