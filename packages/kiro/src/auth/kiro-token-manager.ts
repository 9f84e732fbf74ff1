import type { KiroAccount, KiroCredentials } from '../account';
import { KiroTokenError } from '../errors/kiro-errors';
import type { KiroTokenSet } from './refresh-token';

/** Rotated tokens of one account, for the caller to persist. */
export interface KiroTokenUpdate {
  accountId: string;
  /** The account's credentials with the new tokens merged in (the old refresh token kept if none came). */
  credentials: KiroCredentials;
  /** A profile ARN the refresh returned, when it did. */
  profileArn?: string | undefined;
}

export interface KiroTokenManagerOptions {
  /** Performs one refresh call (social or OIDC) for the account. */
  refresh: (account: KiroAccount, refreshToken: string) => Promise<KiroTokenSet>;
  /** Refresh this long before expiry. Default 10 minutes. */
  refreshAheadMs?: number;
  /** Called once per successful refresh; awaited before the new token is used. Errors are ignored. */
  onTokensRefreshed?: ((update: KiroTokenUpdate) => void | Promise<void>) | undefined;
  now?: () => number;
}

function expiresAtMs(credentials: KiroCredentials): number {
  const parsed =
    credentials.expiresAt === undefined ? Number.NaN : Date.parse(credentials.expiresAt);
  return Number.isNaN(parsed) ? 0 : parsed;
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Keeps access tokens fresh: refreshes ahead of expiry, at most one refresh per account at a time
 * (every concurrent caller waits for the same one), and remembers rotated tokens until the caller's
 * copy catches up. A caller's abort stops its wait, never the shared refresh.
 */
export class KiroTokenManager {
  readonly #options: KiroTokenManagerOptions;
  readonly #latest = new Map<string, KiroCredentials>();
  readonly #inFlight = new Map<string, Promise<KiroCredentials>>();

  constructor(options: KiroTokenManagerOptions) {
    this.#options = options;
  }

  /** The newest credentials known for the account: the caller's, or ours if we refreshed since. */
  credentialsOf(account: KiroAccount): KiroCredentials {
    const ours = this.#latest.get(account.id);
    if (ours === undefined) return account.credentials;
    const theirs = account.credentials;
    // The caller persisted our rotation, or logged in again since: its copy wins.
    if (theirs.accessToken === ours.accessToken || expiresAtMs(theirs) > expiresAtMs(ours)) {
      this.#latest.delete(account.id);
      return theirs;
    }
    return { ...theirs, ...ours };
  }

  /** A usable access token, refreshing first when it is missing or about to expire. */
  async getAccessToken(
    account: KiroAccount,
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<string> {
    const credentials = this.credentialsOf(account);
    if (account.authMethod === 'api-key') return this.#require(credentials.accessToken);
    const now = (this.#options.now ?? Date.now)();
    const fresh =
      credentials.accessToken !== undefined &&
      credentials.accessToken !== '' &&
      expiresAtMs(credentials) - now > (this.#options.refreshAheadMs ?? 10 * 60_000);
    if (fresh) return credentials.accessToken!;
    const refreshed = await raceSignal(this.#refreshOnce(account), options.signal);
    return this.#require(refreshed.accessToken);
  }

  /**
   * After Kiro rejected `rejectedToken`: refresh, unless another caller already replaced that token
   * (then its replacement is used), so a burst of rejections makes one refresh.
   */
  async forceRefresh(
    account: KiroAccount,
    options: { rejectedToken: string; signal?: AbortSignal | undefined },
  ): Promise<string> {
    if (account.authMethod === 'api-key') {
      throw new KiroTokenError({
        reason: 'token_expired',
        message: 'The upstream rejected the API key.',
      });
    }
    const current = this.credentialsOf(account);
    if (current.accessToken && current.accessToken !== options.rejectedToken)
      return current.accessToken;
    const refreshed = await raceSignal(this.#refreshOnce(account), options.signal);
    return this.#require(refreshed.accessToken);
  }

  #refreshOnce(account: KiroAccount): Promise<KiroCredentials> {
    let flight = this.#inFlight.get(account.id);
    if (flight === undefined) {
      flight = this.#refresh(account).finally(() => this.#inFlight.delete(account.id));
      this.#inFlight.set(account.id, flight);
    }
    return flight;
  }

  async #refresh(account: KiroAccount): Promise<KiroCredentials> {
    const previous = this.credentialsOf(account);
    if (!previous.refreshToken) {
      throw new KiroTokenError({
        reason: 'refresh_revoked',
        message: 'The upstream account has no refresh token; it needs to log in again.',
      });
    }
    const tokens = await this.#options.refresh(account, previous.refreshToken);
    const credentials: KiroCredentials = {
      ...previous,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? previous.refreshToken,
      expiresAt: tokens.expiresAt,
    };
    this.#latest.set(account.id, credentials);
    try {
      await this.#options.onTokensRefreshed?.({
        accountId: account.id,
        credentials,
        profileArn: tokens.profileArn,
      });
    } catch {
      // Persisting is the caller's business; the new tokens stay cached here either way.
    }
    return credentials;
  }

  #require(token: string | undefined): string {
    if (token) return token;
    throw new KiroTokenError({
      reason: 'token_expired',
      message: 'The upstream account has no access token.',
    });
  }
}
