/** How the account logs in, which decides how its token is refreshed. */
export type KiroAuthMethod = 'social' | 'builder-id' | 'idc' | 'api-key' | 'external-idp';

/** Tokens and client registration of an account, as stored by the caller. */
export interface KiroCredentials {
  accessToken?: string | undefined;
  refreshToken?: string | undefined;
  /** When the access token expires, ISO-8601. */
  expiresAt?: string | undefined;
  /** SSO-OIDC client registration (Builder ID and IdC); the IdP application id (external IdP). */
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** When the client registration expires, ISO-8601. */
  clientSecretExpiresAt?: string | undefined;
  /** External IdP (Entra ID): where the refresh token is redeemed. Must be an allow-listed host. */
  tokenEndpoint?: string | undefined;
  /** External IdP: the scopes to ask for on refresh, space-separated. */
  scopes?: string | undefined;
}

/**
 * One Kiro account as plain data. The library never reads env or files: the caller passes this in
 * and persists what the library reports back (rotated tokens, a generated machine id).
 */
export interface KiroAccount {
  id: string;
  authMethod: KiroAuthMethod;
  /** Region of the Kiro API (`us-east-1` or `eu-central-1`); default: the profile ARN's, else by SSO region. */
  apiRegion?: string | undefined;
  /** Region of the SSO-OIDC service (Builder ID / IdC), distinct from the API region. Default us-east-1. */
  ssoRegion?: string | undefined;
  /** Social accounts get one at login; IdC accounts look theirs up with `listAvailableProfiles`. */
  profileArn?: string | undefined;
  /** 64 hex characters, stable per account; generated (and reported) when absent. */
  machineId?: string | undefined;
  /** Egress proxy for every call of this account: `http(s)://…` or `socks5://user:pass@host:port`. */
  proxyUrl?: string | undefined;
  credentials: KiroCredentials;
}

export const defaultApiRegion = 'us-east-1';
export const defaultSsoRegion = 'us-east-1';

/** `arn:aws:codewhisperer:{region}:{account}:profile/{id}` → region. */
export function regionOfProfileArn(profileArn: string | undefined): string | undefined {
  const region = profileArn?.split(':')[3];
  return region ? region : undefined;
}

/**
 * The API region: explicit, else the profile ARN's, else the one nearest the SSO region (Kiro's API
 * exists only in us-east-1 and eu-central-1).
 */
export function apiRegionOf(account: KiroAccount): string {
  return (
    account.apiRegion ??
    regionOfProfileArn(account.profileArn) ??
    (account.ssoRegion?.startsWith('eu-') ? 'eu-central-1' : defaultApiRegion)
  );
}

export function ssoRegionOf(account: KiroAccount): string {
  return account.ssoRegion ?? defaultSsoRegion;
}

/**
 * The `tokentype` header of API calls: Kiro API keys and external-IdP tokens announce themselves;
 * Kiro's own tokens send none (kiro-protocol.md §1.3, §5.6).
 */
export function tokenTypeOf(authMethod: KiroAuthMethod): 'API_KEY' | 'EXTERNAL_IDP' | undefined {
  if (authMethod === 'api-key') return 'API_KEY';
  if (authMethod === 'external-idp') return 'EXTERNAL_IDP';
  return undefined;
}

/** The profile ARN to send: API-key accounts send none. */
export function profileArnFor(account: KiroAccount): string | undefined {
  return account.authMethod === 'api-key' ? undefined : account.profileArn || undefined;
}
