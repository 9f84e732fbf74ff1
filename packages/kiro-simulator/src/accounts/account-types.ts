import type { Plan } from './plans';

/** `api-key`: a Kiro API key (`ksk_…`); `external-idp`: Microsoft Entra ID via Kiro (kiro-protocol.md §5.6). */
export type AuthMethod = 'social' | 'builder-id' | 'idc' | 'api-key' | 'external-idp';

/** The only regions where the API host `q.{region}.amazonaws.com` exists (kiro-protocol.md §1.1). */
export const apiRegions = ['us-east-1', 'eu-central-1'] as const;
export type ApiRegion = (typeof apiRegions)[number];

export interface FreeTrialOptions {
  usageLimit: number;
  currentUsage?: number;
  /** Epoch milliseconds; default 14 days after the account is created. */
  expiresAt?: number;
}

export interface BonusOptions {
  bonusCode: string;
  displayName?: string;
  usageLimit: number;
  currentUsage?: number;
  /** Epoch milliseconds; default the next monthly reset. */
  expiresAt?: number;
}

export interface AddAccountOptions {
  authMethod: AuthMethod;
  /** Default `PRO`. */
  plan?: Plan;
  /** API region (`q.{region}`), default `us-east-1`. Social accounts live in `us-east-1`. */
  region?: ApiRegion;
  /** SSO-OIDC region. Builder ID is always `us-east-1`; IdC defaults to `us-east-2` (≠ the API region). */
  ssoRegion?: string;
  /** Social identity provider, default `Google`. */
  provider?: 'Google' | 'Github';
  /** IdC start URL, default `https://d-9067000000.awsapps.com/start`. */
  startUrl?: string;
  /** External IdP: the Entra tenant of the token endpoint (default `organizations`). */
  tenant?: string;
  email?: string;
  /** Monthly base credits, default by plan (FREE 50, PRO 1000, PRO_PLUS 2000, POWER 10000). */
  usageLimit?: number;
  /** Base credits already used this month. */
  currentUsage?: number;
  /** Default: FREE accounts get an active 500-credit trial; others none. `false` for none. */
  freeTrial?: FreeTrialOptions | false;
  bonuses?: readonly BonusOptions[];
  /** Overrides the simulator's access-token lifetime for this account. */
  accessTokenLifetimeSeconds?: number;
  /** Issue a new refresh token on each refresh and revoke the old one (default true). */
  rotateRefreshToken?: boolean;
  /** Leave `refreshToken` out of refresh responses, as some upstream responses do (default false). */
  omitRefreshTokenOnRefresh?: boolean;
}

/** Kiro's `~/.aws/sso/cache/kiro-auth-token.json` (kiro-protocol.md §5.7). */
export interface KiroTokenFile {
  accessToken: string;
  refreshToken: string;
  /** ISO-8601 with milliseconds and `Z`. */
  expiresAt: string;
  authMethod: 'social' | 'IdC' | 'external_idp' | 'api_key';
  /** `ApiKey` is the simulator's own: Kiro writes no token file for API keys. */
  provider: 'Google' | 'Github' | 'BuilderId' | 'Enterprise' | 'ExternalIdp' | 'ApiKey';
  /** Social accounts only. */
  profileArn?: string;
  /** IdC / Builder ID: the SSO-OIDC region. */
  region?: string;
  /** IdC / Builder ID: names the client-registration file `<clientIdHash>.json`. */
  clientIdHash?: string;
  startUrl?: string;
  /** External IdP: where the refresh token is redeemed (form-urlencoded OAuth 2.0). */
  tokenEndpoint?: string;
  /** External IdP: the application (client) id registered with the IdP. */
  clientId?: string;
  /** External IdP: space-separated scopes to ask for on refresh. */
  scopes?: string;
  issuerUrl?: string;
}

/** Kiro's `~/.aws/sso/cache/<clientIdHash>.json`. */
export interface KiroClientRegistrationFile {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
}

/** The token file merged with the client registration, the flat shape most tools store. */
export type KiroCredentials = KiroTokenFile & { clientId?: string; clientSecret?: string };

export interface SimulatedAccount {
  id: string;
  authMethod: AuthMethod;
  plan: Plan;
  region: ApiRegion;
  ssoRegion?: string;
  /** The ARN chat calls must carry: social's shared ARN, IdC's own; none for Builder ID. */
  profileArn?: string;
  userId: string;
  email: string;
  credentials: KiroCredentials;
  tokenFile: KiroTokenFile;
  /** API-key accounts: the `ksk_…` key (also the token file's `accessToken`). */
  apiKey?: string;
  clientRegistration?: KiroClientRegistrationFile;
}

/** Fields of an account that tests may change after creation. */
export interface AccountPatch {
  plan?: Plan;
  suspended?: boolean;
  usageLimit?: number;
  currentUsage?: number;
  rotateRefreshToken?: boolean;
  omitRefreshTokenOnRefresh?: boolean;
  accessTokenLifetimeSeconds?: number;
}
