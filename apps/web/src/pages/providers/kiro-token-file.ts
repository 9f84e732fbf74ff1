import type { KiroCredentials } from '../../api/api-types';

/** Why a pasted or uploaded file cannot become an account; each has a translated message. */
export type TokenProblem =
  | 'invalidJson'
  | 'notAnObject'
  | 'isRegistration'
  | 'missingRefreshToken'
  | 'missingRegistration'
  | 'invalidRegistration';

export type TokenKind = 'social' | 'builder-id' | 'idc';

export type ParsedToken =
  | { ok: true; credentials: KiroCredentials; kind: TokenKind }
  | { ok: false; problem: TokenProblem; clientIdHash?: string };

export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  expiresAt?: string | number;
}

/** kiro-cli stores the same fields in snake_case; accept both spellings. */
const snakeToCamel: Record<string, string> = {
  access_token: 'accessToken',
  refresh_token: 'refreshToken',
  expires_at: 'expiresAt',
  auth_method: 'authMethod',
  profile_arn: 'profileArn',
  client_id: 'clientId',
  client_secret: 'clientSecret',
  client_id_hash: 'clientIdHash',
  start_url: 'startUrl',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function normalizeKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [snakeToCamel[key] ?? key, entry]),
  );
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** JSON text → a value, or undefined when it does not parse. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Social tokens refresh on their own; Builder ID and IAM Identity Center need the client registration. */
export function tokenKind(token: Record<string, unknown>): TokenKind {
  const method = typeof token.authMethod === 'string' ? token.authMethod.toLowerCase() : '';
  const provider = typeof token.provider === 'string' ? token.provider.toLowerCase() : '';
  if (method === 'social') return 'social';
  if (method === 'idc' || provider === 'enterprise') return 'idc';
  if (method === 'builder-id' || method === 'builderid' || provider === 'builderid') {
    return 'builder-id';
  }
  if (nonEmptyString(token.clientIdHash) || nonEmptyString(token.clientId)) return 'builder-id';
  return 'social';
}

/** Reads a client-registration file (`<clientIdHash>.json`: clientId, clientSecret, expiresAt). */
export function parseRegistration(value: unknown): ClientRegistration | undefined {
  if (!isRecord(value)) return undefined;
  const entry = normalizeKeys(value);
  if (!nonEmptyString(entry.clientId) || !nonEmptyString(entry.clientSecret)) return undefined;
  const registration: ClientRegistration = {
    clientId: entry.clientId,
    clientSecret: entry.clientSecret,
  };
  if (typeof entry.expiresAt === 'string' || typeof entry.expiresAt === 'number') {
    registration.expiresAt = entry.expiresAt;
  }
  return registration;
}

/**
 * Checks one token object (Kiro's `kiro-auth-token.json`) and merges the client registration a
 * Builder ID / IdC token needs to refresh. What the server will be sent is exactly `credentials`.
 */
export function parseToken(value: unknown, registration?: ClientRegistration): ParsedToken {
  if (!isRecord(value)) return { ok: false, problem: 'notAnObject' };
  const token = normalizeKeys(value);
  if (!nonEmptyString(token.refreshToken)) {
    if (parseRegistration(token) !== undefined) return { ok: false, problem: 'isRegistration' };
    return { ok: false, problem: 'missingRefreshToken' };
  }
  const kind = tokenKind(token);
  const credentials: Record<string, unknown> = { ...token };
  if (registration !== undefined) {
    credentials.clientId = registration.clientId;
    credentials.clientSecret = registration.clientSecret;
  }
  if (kind !== 'social') {
    if (!nonEmptyString(credentials.clientId) || !nonEmptyString(credentials.clientSecret)) {
      return {
        ok: false,
        problem: 'missingRegistration',
        ...(nonEmptyString(token.clientIdHash) ? { clientIdHash: token.clientIdHash } : {}),
      };
    }
  }
  return { ok: true, credentials: credentials as KiroCredentials, kind };
}

/** The text of the token box plus the optional registration box, as the add form has them. */
export function parseTokenText(tokenText: string, registrationText?: string): ParsedToken {
  const token = parseJson(tokenText);
  if (!token.ok) return { ok: false, problem: 'invalidJson' };
  if (registrationText === undefined || registrationText.trim() === '') {
    return parseToken(token.value);
  }
  const registrationJson = parseJson(registrationText);
  if (!registrationJson.ok) return { ok: false, problem: 'invalidRegistration' };
  const registration = parseRegistration(registrationJson.value);
  if (registration === undefined) return { ok: false, problem: 'invalidRegistration' };
  return parseToken(token.value, registration);
}
