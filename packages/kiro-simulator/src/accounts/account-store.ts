import {
  apiRegions,
  type AccountPatch,
  type AddAccountOptions,
  type ApiRegion,
  type AuthMethod,
  type KiroTokenFile,
  type SimulatedAccount,
} from './account-types';
import { monthlyCreditsOf, type Plan } from './plans';
import { clientIdHashOf, newAccessToken, newRefreshToken } from './secrets';
import { OidcClientRegistry, type OidcClient } from './oidc-clients';
import { nextMonthStart, type UsageState } from './usage';

/** The shared profile ARN every social account uses (kiro-protocol.md §2.7). */
export const socialProfileArn = 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK';
/** The placeholder some clients send for Builder ID; accepted for Builder ID, refused for IdC. */
export const builderIdPlaceholderArn =
  'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX';

const dayMs = 86_400_000;

export interface AccountRecord {
  id: string;
  authMethod: AuthMethod;
  plan: Plan;
  region: ApiRegion;
  ssoRegion: string | undefined;
  provider: KiroTokenFile['provider'];
  startUrl: string | undefined;
  profileArn: string | undefined;
  userId: string;
  email: string;
  client: OidcClient | undefined;
  usage: UsageState;
  suspended: boolean;
  accessTokenLifetimeSeconds: number;
  rotateRefreshToken: boolean;
  omitRefreshTokenOnRefresh: boolean;
  /** The newest credentials, as a client that persisted every refresh would hold them. */
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
}

export type AccessTokenStatus = 'valid' | 'expired' | 'revoked';

export interface IssuedTokens {
  accessToken: string;
  /** Absent when the account is set to omit it from refresh responses. */
  refreshToken: string | undefined;
  expiresIn: number;
}

interface AccessTokenEntry {
  accountId: string;
  expiresAt: number;
  revoked: boolean;
}

export interface AccountStoreOptions {
  now: () => number;
  accessTokenLifetimeSeconds: number;
}

/** Accounts, their tokens and OIDC client registrations: the simulated identity back end. */
export class AccountStore {
  readonly clients: OidcClientRegistry;
  private readonly accounts = new Map<string, AccountRecord>();
  private readonly accessTokens = new Map<string, AccessTokenEntry>();
  private readonly refreshTokens = new Map<string, { accountId: string; revoked: boolean }>();
  private counter = 0;

  constructor(private readonly options: AccountStoreOptions) {
    this.clients = new OidcClientRegistry(options.now);
  }

  /** Creates an account; `client` binds an OIDC account to an existing registration (logins). */
  add(input: AddAccountOptions, client?: OidcClient): SimulatedAccount {
    const now = this.options.now();
    this.counter += 1;
    const n = this.counter;
    const plan = input.plan ?? 'PRO';
    const region = input.region ?? 'us-east-1';
    if (!apiRegions.includes(region)) throw new Error(`No Kiro API in region ${String(region)}`);
    const ssoRegion = ssoRegionFor(input);
    if (input.authMethod === 'social' && region !== 'us-east-1') {
      throw new Error('Social accounts live in us-east-1');
    }
    const oidcClient =
      input.authMethod === 'social'
        ? undefined
        : (client ??
          this.clients.register({
            region: ssoRegion ?? 'us-east-1',
            clientName: 'Kiro IDE',
            grantTypes: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
            redirectUris: [],
          }));
    const nextResetAt = nextMonthStart(now);
    const record: AccountRecord = {
      id: `acct-${n}`,
      authMethod: input.authMethod,
      plan,
      region,
      ssoRegion,
      provider: providerFor(input),
      startUrl:
        input.authMethod === 'idc'
          ? (input.startUrl ?? 'https://d-9067000000.awsapps.com/start')
          : input.authMethod === 'builder-id'
            ? 'https://view.awsapps.com/start'
            : undefined,
      profileArn: profileArnFor(input.authMethod, region, n),
      userId: `d-${String(9067000000 + n)}.${n.toString(16).padStart(8, '0')}`,
      email: input.email ?? `user${n}@example.com`,
      client: oidcClient,
      usage: {
        base: {
          usageLimit: input.usageLimit ?? monthlyCreditsOf(plan),
          currentUsage: input.currentUsage ?? 0,
        },
        freeTrial: freeTrialFor(input, plan, now),
        bonuses: (input.bonuses ?? []).map((bonus) => ({
          bonusCode: bonus.bonusCode,
          displayName: bonus.displayName ?? bonus.bonusCode,
          usageLimit: bonus.usageLimit,
          currentUsage: bonus.currentUsage ?? 0,
          expiresAt: bonus.expiresAt ?? nextResetAt,
        })),
        nextResetAt,
      },
      suspended: false,
      accessTokenLifetimeSeconds:
        input.accessTokenLifetimeSeconds ?? this.options.accessTokenLifetimeSeconds,
      rotateRefreshToken: input.rotateRefreshToken ?? true,
      omitRefreshTokenOnRefresh: input.omitRefreshTokenOnRefresh ?? false,
      accessToken: '',
      accessTokenExpiresAt: 0,
      refreshToken: '',
    };
    this.accounts.set(record.id, record);
    this.issueAccessToken(record);
    this.issueRefreshToken(record);
    return this.describe(record.id);
  }

  get(id: string): AccountRecord | undefined {
    return this.accounts.get(id);
  }

  require(id: string): AccountRecord {
    const record = this.accounts.get(id);
    if (record === undefined) throw new Error(`Unknown simulated account ${id}`);
    return record;
  }

  list(): AccountRecord[] {
    return [...this.accounts.values()];
  }

  /** The account's newest credentials in Kiro's on-disk shapes. */
  describe(id: string): SimulatedAccount {
    const record = this.require(id);
    const tokenFile: KiroTokenFile = {
      accessToken: record.accessToken,
      refreshToken: record.refreshToken,
      expiresAt: new Date(record.accessTokenExpiresAt).toISOString(),
      authMethod: record.authMethod === 'social' ? 'social' : 'IdC',
      provider: record.provider,
    };
    if (record.authMethod === 'social') tokenFile.profileArn = record.profileArn;
    const client = record.client;
    if (client !== undefined) {
      tokenFile.region = client.region;
      tokenFile.clientIdHash = clientIdHashOf(client.clientId);
      if (record.startUrl !== undefined) tokenFile.startUrl = record.startUrl;
    }
    const account: SimulatedAccount = {
      id: record.id,
      authMethod: record.authMethod,
      plan: record.plan,
      region: record.region,
      userId: record.userId,
      email: record.email,
      tokenFile,
      credentials: { ...tokenFile },
    };
    if (record.ssoRegion !== undefined) account.ssoRegion = record.ssoRegion;
    if (record.profileArn !== undefined) account.profileArn = record.profileArn;
    if (client !== undefined) {
      account.clientRegistration = {
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        expiresAt: new Date(client.clientSecretExpiresAt).toISOString(),
      };
      account.credentials.clientId = client.clientId;
      account.credentials.clientSecret = client.clientSecret;
    }
    return account;
  }

  update(id: string, patch: AccountPatch): void {
    const record = this.require(id);
    if (patch.plan !== undefined) record.plan = patch.plan;
    if (patch.suspended !== undefined) record.suspended = patch.suspended;
    if (patch.usageLimit !== undefined) record.usage.base.usageLimit = patch.usageLimit;
    if (patch.currentUsage !== undefined) record.usage.base.currentUsage = patch.currentUsage;
    if (patch.rotateRefreshToken !== undefined)
      record.rotateRefreshToken = patch.rotateRefreshToken;
    if (patch.omitRefreshTokenOnRefresh !== undefined) {
      record.omitRefreshTokenOnRefresh = patch.omitRefreshTokenOnRefresh;
    }
    if (patch.accessTokenLifetimeSeconds !== undefined) {
      record.accessTokenLifetimeSeconds = patch.accessTokenLifetimeSeconds;
    }
  }

  lookupAccessToken(
    token: string,
  ): { account: AccountRecord; status: AccessTokenStatus } | undefined {
    const entry = this.accessTokens.get(token);
    const account = entry === undefined ? undefined : this.accounts.get(entry.accountId);
    if (entry === undefined || account === undefined) return undefined;
    const status = entry.revoked
      ? 'revoked'
      : this.options.now() >= entry.expiresAt
        ? 'expired'
        : 'valid';
    return { account, status };
  }

  /** The account a refresh token belongs to, whether or not it is still usable. */
  lookupRefreshToken(token: string): { account: AccountRecord; revoked: boolean } | undefined {
    const entry = this.refreshTokens.get(token);
    const account = entry === undefined ? undefined : this.accounts.get(entry.accountId);
    return entry === undefined || account === undefined
      ? undefined
      : { account, revoked: entry.revoked };
  }

  /** Exchanges a live refresh token; undefined when it is unknown or revoked (→ `invalid_grant`). */
  refresh(refreshToken: string): { account: AccountRecord; tokens: IssuedTokens } | undefined {
    const found = this.lookupRefreshToken(refreshToken);
    if (found === undefined || found.revoked) return undefined;
    const { account } = found;
    if (account.rotateRefreshToken) {
      this.refreshTokens.set(refreshToken, { accountId: account.id, revoked: true });
      this.issueRefreshToken(account);
    }
    const tokens = this.issueTokens(account);
    return { account, tokens };
  }

  /** A fresh access token (and the current refresh token) for a login or refresh. */
  issueTokens(account: AccountRecord): IssuedTokens {
    this.issueAccessToken(account);
    return {
      accessToken: account.accessToken,
      refreshToken: account.omitRefreshTokenOnRefresh ? undefined : account.refreshToken,
      expiresIn: account.accessTokenLifetimeSeconds,
    };
  }

  /** Makes every access token of the account expired, as if its lifetime had passed. */
  expireAccessTokens(id: string): void {
    this.require(id);
    const now = this.options.now();
    for (const entry of this.accessTokens.values()) {
      if (entry.accountId === id) entry.expiresAt = Math.min(entry.expiresAt, now);
    }
  }

  revokeAccessTokens(id: string): void {
    this.require(id);
    for (const entry of this.accessTokens.values()) {
      if (entry.accountId === id) entry.revoked = true;
    }
  }

  revokeRefreshToken(id: string): void {
    const account = this.require(id);
    this.refreshTokens.set(account.refreshToken, { accountId: id, revoked: true });
  }

  private issueAccessToken(account: AccountRecord): void {
    const token = newAccessToken();
    const expiresAt = this.options.now() + account.accessTokenLifetimeSeconds * 1000;
    this.accessTokens.set(token, { accountId: account.id, expiresAt, revoked: false });
    account.accessToken = token;
    account.accessTokenExpiresAt = expiresAt;
  }

  private issueRefreshToken(account: AccountRecord): void {
    const token = newRefreshToken();
    this.refreshTokens.set(token, { accountId: account.id, revoked: false });
    account.refreshToken = token;
  }
}

function ssoRegionFor(input: AddAccountOptions): string | undefined {
  switch (input.authMethod) {
    case 'social':
      return undefined;
    case 'builder-id':
      if (input.ssoRegion !== undefined && input.ssoRegion !== 'us-east-1') {
        throw new Error('Builder ID always uses the us-east-1 OIDC region');
      }
      return 'us-east-1';
    case 'idc':
      return input.ssoRegion ?? 'us-east-2';
  }
}

function providerFor(input: AddAccountOptions): KiroTokenFile['provider'] {
  switch (input.authMethod) {
    case 'social':
      return input.provider ?? 'Google';
    case 'builder-id':
      return 'BuilderId';
    case 'idc':
      return 'Enterprise';
  }
}

function profileArnFor(authMethod: AuthMethod, region: ApiRegion, n: number): string | undefined {
  switch (authMethod) {
    case 'social':
      return socialProfileArn;
    case 'builder-id':
      return undefined;
    case 'idc': {
      const awsAccount = String(100000000000 + n * 7919);
      const profileId = `SIM${n.toString(36).toUpperCase().padStart(7, '0')}`;
      return `arn:aws:codewhisperer:${region}:${awsAccount}:profile/${profileId}`;
    }
  }
}

function freeTrialFor(input: AddAccountOptions, plan: Plan, now: number): UsageState['freeTrial'] {
  if (input.freeTrial === false) return undefined;
  if (input.freeTrial !== undefined) {
    return {
      usageLimit: input.freeTrial.usageLimit,
      currentUsage: input.freeTrial.currentUsage ?? 0,
      expiresAt: input.freeTrial.expiresAt ?? now + 14 * dayMs,
    };
  }
  return plan === 'FREE'
    ? { usageLimit: 500, currentUsage: 0, expiresAt: now + 14 * dayMs }
    : undefined;
}
