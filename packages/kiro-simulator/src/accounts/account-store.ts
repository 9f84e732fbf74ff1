import { createAccountRecord, ssoRegionFor, type AccountRecord } from './account-record';
import type { AccountPatch, AddAccountOptions, SimulatedAccount } from './account-types';
import { describeAccount } from './describe-account';
import { OidcClientRegistry, type OidcClient } from './oidc-clients';
import {
  newAccessToken,
  newApiKey,
  newEntraAccessToken,
  newEntraRefreshToken,
  newRefreshToken,
} from './secrets';

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
  /** `http://host:port` of the simulator, for URLs inside credentials (external IdP token endpoint). */
  baseUrl: () => string;
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
    this.counter += 1;
    const ssoRegion = ssoRegionFor(input);
    const oidcClient =
      ssoRegion === undefined
        ? undefined
        : (client ??
          this.clients.register({
            region: ssoRegion,
            clientName: 'Kiro IDE',
            grantTypes: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
            redirectUris: [],
          }));
    const record = createAccountRecord({
      input,
      n: this.counter,
      now: this.options.now(),
      client: oidcClient,
      accessTokenLifetimeSeconds: this.options.accessTokenLifetimeSeconds,
    });
    this.accounts.set(record.id, record);
    this.issueAccessToken(record);
    // An API key is the only credential: nothing to refresh it with.
    if (record.authMethod !== 'api-key') this.issueRefreshToken(record);
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
    return describeAccount(this.require(id), { baseUrl: this.options.baseUrl() });
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
    const apiKey = account.authMethod === 'api-key';
    const token = apiKey
      ? newApiKey()
      : account.authMethod === 'external-idp'
        ? newEntraAccessToken()
        : newAccessToken();
    // API keys do not expire (they are revoked in Kiro's settings instead).
    const expiresAt = apiKey
      ? Number.POSITIVE_INFINITY
      : this.options.now() + account.accessTokenLifetimeSeconds * 1000;
    this.accessTokens.set(token, { accountId: account.id, expiresAt, revoked: false });
    account.accessToken = token;
    account.accessTokenExpiresAt = expiresAt;
  }

  private issueRefreshToken(account: AccountRecord): void {
    const token =
      account.authMethod === 'external-idp' ? newEntraRefreshToken() : newRefreshToken();
    this.refreshTokens.set(token, { accountId: account.id, revoked: false });
    account.refreshToken = token;
  }
}
