import type { Dispatcher } from 'undici';

import type { KiroAccount } from '../account';
import type { KiroTokenManager } from '../auth/kiro-token-manager';
import type { KiroEndpoints } from '../http/endpoints';
import type { KiroHeaders } from '../http/kiro-headers';

/** Resolved timeouts, in milliseconds. */
export interface KiroTimeouts {
  /** TCP + TLS connect. Default 5 s. */
  connectMs: number;
  /** From sending a chat request to its first response bytes (headers and first frame). Default 120 s. */
  firstByteMs: number;
  /** Silence allowed between frames of a chat stream. Default 60 s. */
  idleMs: number;
  /** Whole budget of a small JSON call (usage, models, profiles, token refresh, login). Default 30 s. */
  requestMs: number;
}

/** What the client's operations share. */
export interface ClientContext {
  endpoints: KiroEndpoints;
  headers: KiroHeaders;
  tokens: KiroTokenManager;
  timeouts: KiroTimeouts;
  dispatcherFor: (account: Pick<KiroAccount, 'proxyUrl'>) => Dispatcher;
  machineIdOf: (account: KiroAccount) => string;
  now: () => number;
}
