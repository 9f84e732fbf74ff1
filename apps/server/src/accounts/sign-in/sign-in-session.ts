import type { OAuthSession, OAuthSessionKind } from '@octoproxy/storage';

import type { ValidatedAccount } from '../onboard-account';

export type SignInMethod = OAuthSessionKind;
export type SignInFlow = 'pkce' | 'device-code' | 'auth-code';
export type SignInStatus =
  'pending' | 'awaiting-decision' | 'completed' | 'expired' | 'denied' | 'cancelled' | 'failed';
export type CallbackMode = 'loopback' | 'paste';

/**
 * Where a session is inside its stored status. Storage knows pending / completed / failed / expired /
 * cancelled; `awaiting-decision` is a pending session (its validated tokens stay sealed until the
 * admin decides) and `denied` a failed one.
 */
export type SignInPhase = 'waiting' | 'polling' | 'finishing' | 'awaiting-decision' | 'denied';

/** The session's non-secret state, kept in the row's `details`. */
export interface SignInDetails {
  method: SignInMethod;
  provider: 'Google' | 'Github' | null;
  flow: SignInFlow;
  phase: SignInPhase;
  /** The account name the admin asked for. */
  name: string | null;
  authUrl: string | null;
  callbackMode: CallbackMode | null;
  redirectUri: string | null;
  userCode: string | null;
  verificationUri: string | null;
  verificationUriComplete: string | null;
  pollIntervalSeconds: number | null;
  /** Epoch ms of the next device-code poll, so a restarted server keeps the pace. */
  nextPollAt: number | null;
  ssoRegion: string | null;
  apiRegion: string | null;
  startUrl: string | null;
  duplicateOf: { id: string; name: string } | null;
  account: { id: string; name: string; email: string | null; plan: string | null } | null;
  /** Who started it, for the audit entry written when it completes. */
  actorUserId: string | null;
  actorIp: string | null;
}

/** What the session keeps sealed in the secret box until it ends. */
export interface SignInSecrets {
  codeVerifier?: string;
  clientId?: string;
  clientSecret?: string;
  clientSecretExpiresAt?: string;
  deviceCode?: string;
  /** The validated account (its tokens) while the admin decides about a duplicate. */
  validated?: ValidatedAccount;
}

/** The admin API's view of a sign-in (the contract's `SignInSession`): nothing secret. */
export interface SignInSessionDto {
  id: string;
  method: SignInMethod;
  provider: 'Google' | 'Github' | null;
  flow: SignInFlow;
  status: SignInStatus;
  error: string | null;
  authUrl: string | null;
  callbackMode: CallbackMode | null;
  redirectUri: string | null;
  userCode: string | null;
  verificationUri: string | null;
  verificationUriComplete: string | null;
  pollIntervalSeconds: number | null;
  ssoRegion: string | null;
  apiRegion: string | null;
  startUrl: string | null;
  expiresAt: number;
  duplicateOf: { id: string; name: string } | null;
  account: { id: string; name: string; email: string | null; plan: string | null } | null;
  createdAt: number;
  updatedAt: number;
}

export function detailsOf(session: OAuthSession): SignInDetails {
  return session.details as unknown as SignInDetails;
}

export function statusOf(session: OAuthSession, details: SignInDetails): SignInStatus {
  if (session.status === 'pending' && details.phase === 'awaiting-decision') {
    return 'awaiting-decision';
  }
  if (session.status === 'failed' && details.phase === 'denied') return 'denied';
  return session.status;
}

export function toSignInSessionDto(session: OAuthSession): SignInSessionDto {
  const details = detailsOf(session);
  return {
    id: session.id,
    method: details.method,
    provider: details.provider,
    flow: details.flow,
    status: statusOf(session, details),
    error: session.error,
    authUrl: details.authUrl,
    callbackMode: details.callbackMode,
    redirectUri: details.redirectUri,
    userCode: details.userCode,
    verificationUri: details.verificationUri,
    verificationUriComplete: details.verificationUriComplete,
    pollIntervalSeconds: details.pollIntervalSeconds,
    ssoRegion: details.ssoRegion,
    apiRegion: details.apiRegion,
    startUrl: details.startUrl,
    expiresAt: session.expiresAt,
    duplicateOf: details.duplicateOf,
    account: details.account,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}
