/**
 * What a JSON file found next to Kiro's logins is (kiro-protocol.md §5.7; octoproxy.md §3.7), and
 * the Kiro token-file shape of the ones that hold a Kiro login. Takes parsed contents: reading files
 * and databases is the caller's job.
 */

/** Kiro's token-file fields, camelCase, plus the client registration merged in (flat, as stored). */
export interface KiroTokenRecord {
  accessToken?: string;
  refreshToken?: string;
  expiresAt?: string;
  authMethod?: string;
  provider?: string;
  profileArn?: string;
  /** Builder ID / IdC: the SSO-OIDC region (not the API region). */
  region?: string;
  startUrl?: string;
  clientIdHash?: string;
  clientId?: string;
  clientSecret?: string;
  clientSecretExpiresAt?: string;
  [field: string]: unknown;
}

export type KiroCredentialFileKind =
  /** Kiro IDE's `kiro-auth-token.json` (or a flat token object as other tools store it). */
  | 'kiro-token'
  /** `<clientIdHash>.json`: an SSO-OIDC client registration, the companion of a Builder ID / IdC token. */
  | 'client-registration'
  /** kiro-cli's snake_case token record (its SQLite `auth_kv`, or a copy of it). */
  | 'kiro-cli-token'
  /** kiro-cli's snake_case device registration. */
  | 'kiro-cli-registration'
  /** An AWS CLI SSO login (`aws sso login`): an SSO token, but not a Kiro one. */
  | 'aws-sso-token'
  /** Anything else (AWS CLI credential caches, unrelated JSON). */
  | 'other';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(value: Record<string, unknown>, key: string): boolean {
  return typeof value[key] === 'string' && value[key] !== '';
}

export function classifyKiroCredentialFile(value: unknown): KiroCredentialFileKind {
  if (!isRecord(value)) return 'other';
  if (has(value, 'access_token') || has(value, 'refresh_token')) return 'kiro-cli-token';
  if (has(value, 'client_id') && has(value, 'client_secret')) return 'kiro-cli-registration';
  const hasToken = has(value, 'accessToken') || has(value, 'refreshToken');
  if (!hasToken) {
    return has(value, 'clientId') && has(value, 'clientSecret') ? 'client-registration' : 'other';
  }
  // The AWS CLI writes `{startUrl, region, accessToken, expiresAt, …}` with none of the fields
  // that say which Kiro login a token belongs to; Kiro always writes authMethod and provider.
  const kiroMarkers = ['authMethod', 'provider', 'profileArn', 'clientIdHash'];
  if (!kiroMarkers.some((key) => has(value, key)) && has(value, 'startUrl')) return 'aws-sso-token';
  return 'kiro-token';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** kiro-cli writes nanoseconds; keep milliseconds, as Kiro's own files do. */
function isoOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  }
  const raw = text(value);
  if (raw === undefined) return undefined;
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? raw : new Date(parsed).toISOString();
}

/** Where a kiro-cli record came from: its `auth_kv` key says which login it is. */
export type KiroCliLogin = 'social' | 'oidc' | 'external-idp';

/** The `auth_kv` key of a kiro-cli token record → the kind of login, or undefined for other keys. */
export function kiroCliLoginOfKey(key: string): KiroCliLogin | undefined {
  if (!key.endsWith(':token')) return undefined;
  if (key.includes('external-idp')) return 'external-idp';
  if (key.includes('social')) return 'social';
  if (key.includes('odic') || key.includes('oidc')) return 'oidc';
  return undefined;
}

/**
 * A kiro-cli snake_case token record (with its device registration, when it needs one) in Kiro's
 * token-file shape. `login` comes from the record's `auth_kv` key when known.
 */
export function fromKiroCliRecord(options: {
  token: Record<string, unknown>;
  registration?: Record<string, unknown> | undefined;
  login?: KiroCliLogin | undefined;
  /** kiro-cli keeps the profile in its `state` table (`api.codewhisperer.profile`). */
  profileArn?: string | undefined;
}): KiroTokenRecord {
  const { token, registration } = options;
  const startUrl = text(token.start_url) ?? text(registration?.start_url);
  const clientId = text(token.client_id) ?? text(registration?.client_id);
  const login =
    options.login ?? (startUrl !== undefined || clientId !== undefined ? 'oidc' : 'social');
  const record: KiroTokenRecord = {
    accessToken: text(token.access_token),
    refreshToken: text(token.refresh_token),
    expiresAt: isoOf(token.expires_at),
    profileArn: text(token.profile_arn) ?? options.profileArn,
  };
  if (login === 'social') {
    record.authMethod = 'social';
    const provider = text(token.provider);
    if (provider !== undefined) record.provider = provider;
  } else if (login === 'external-idp') {
    record.authMethod = 'external_idp';
    record.provider = 'ExternalIdp';
    for (const [from, to] of [
      ['token_endpoint', 'tokenEndpoint'],
      ['issuer_url', 'issuerUrl'],
      ['client_id', 'clientId'],
    ] as const) {
      const value = text(token[from]);
      if (value !== undefined) record[to] = value;
    }
    if (Array.isArray(token.scopes)) record.scopes = token.scopes;
  } else {
    const builderId = startUrl === undefined || startUrl.startsWith('https://view.awsapps.com');
    record.authMethod = builderId ? 'builder-id' : 'IdC';
    record.provider = builderId ? 'BuilderId' : 'Enterprise';
    record.region = text(token.region) ?? text(registration?.region);
    if (startUrl !== undefined) record.startUrl = startUrl;
    record.clientId = clientId;
    record.clientSecret = text(token.client_secret) ?? text(registration?.client_secret);
    record.clientSecretExpiresAt = isoOf(registration?.expires_at);
  }
  return withoutUndefined(record);
}

/** Merges `<clientIdHash>.json` (or an AWS CLI registration) into a token record. */
export function withClientRegistration(
  token: KiroTokenRecord,
  registration: Record<string, unknown>,
): KiroTokenRecord {
  return withoutUndefined({
    ...token,
    clientId: text(registration.clientId) ?? token.clientId,
    clientSecret: text(registration.clientSecret) ?? token.clientSecret,
    clientSecretExpiresAt:
      isoOf(registration.expiresAt) ??
      isoOf(registration.clientSecretExpiresAt) ??
      token.clientSecretExpiresAt,
  });
}

/** Whether the login refreshes through SSO-OIDC and so needs a client registration. */
export function needsClientRegistration(token: KiroTokenRecord): boolean {
  const method = (token.authMethod ?? '').toLowerCase().replace(/[_\s]/g, '-');
  const provider = (token.provider ?? '').toLowerCase();
  if (method === 'social' || method === 'external-idp' || method === 'api-key') return false;
  if (provider === 'google' || provider === 'github' || provider === 'externalidp') return false;
  return (
    method === 'idc' ||
    method === 'builder-id' ||
    provider === 'builderid' ||
    provider === 'enterprise' ||
    token.clientIdHash !== undefined
  );
}

export interface KiroTokenCheck {
  /** Why the token cannot be used as is; undefined when it can. */
  problem: string | undefined;
  warnings: string[];
}

/**
 * What can be told about a token without asking Kiro: a refresh token to keep it alive, and for
 * Builder ID / IdC a client registration that has not expired (refresh needs it).
 */
export function checkKiroTokenRecord(token: KiroTokenRecord, now = Date.now()): KiroTokenCheck {
  const warnings: string[] = [];
  const accessExpiry = token.expiresAt === undefined ? Number.NaN : Date.parse(token.expiresAt);
  if (token.refreshToken === undefined) {
    if (token.accessToken === undefined) return { problem: 'It holds no token.', warnings };
    if (!Number.isNaN(accessExpiry) && accessExpiry <= now) {
      return { problem: 'The access token has expired and there is no refresh token.', warnings };
    }
    warnings.push('No refresh token: the account stops working when the access token expires.');
  }
  if (needsClientRegistration(token)) {
    if (token.clientId === undefined || token.clientSecret === undefined) {
      const companion =
        typeof token.clientIdHash === 'string' ? ` (${token.clientIdHash}.json, next to it)` : '';
      return {
        problem: `The client registration${companion} is missing: Builder ID and IdC tokens cannot be refreshed without it.`,
        warnings,
      };
    }
    const registrationExpiry =
      token.clientSecretExpiresAt === undefined
        ? Number.NaN
        : Date.parse(token.clientSecretExpiresAt);
    if (!Number.isNaN(registrationExpiry) && registrationExpiry <= now) {
      return {
        problem: 'The client registration has expired: sign in again in Kiro to renew it.',
        warnings,
      };
    }
  }
  if (token.refreshToken !== undefined && !Number.isNaN(accessExpiry) && accessExpiry <= now) {
    warnings.push('The access token has expired; it is refreshed on first use.');
  }
  return { problem: undefined, warnings };
}

function withoutUndefined(record: KiroTokenRecord): KiroTokenRecord {
  return Object.fromEntries(Object.entries(record).filter((entry) => entry[1] !== undefined));
}
