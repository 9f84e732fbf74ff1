import type { Dispatcher } from 'undici';

import type { KiroEndpoints } from '../http/endpoints';
import type { KiroHeaders } from '../http/kiro-headers';

/** What the login calls need; the client provides it (direct egress unless a proxy is given). */
export interface LoginContext {
  endpoints: KiroEndpoints;
  headers: KiroHeaders;
  dispatcherFor: (account: { proxyUrl?: string | undefined }) => Dispatcher;
  requestMs: number;
  now: () => number;
}

export function loginSignal(context: LoginContext, signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(context.requestMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
