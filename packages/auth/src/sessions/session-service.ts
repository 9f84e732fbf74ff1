import { systemClock, type Clock } from '../clock';
import { safeEqual } from '../crypto/safe-equal';
import { AuthenticationError } from '../errors/authentication-error';
import { toAuthenticatedUser, type AuthenticatedUser, type UserStore } from '../users/user-store';
import type { SessionRecord, SessionStore } from './session-store';
import { generateSessionToken, hashSessionToken, looksLikeSessionToken } from './session-token';

const minute = 60_000;

/** OWASP Session Management: 15–30 min idle for low-risk apps, 4–8 h absolute. Upstream accounts cost money. */
export const defaultSessionTimeouts = Object.freeze({
  idleTimeoutMs: 30 * minute,
  absoluteTimeoutMs: 8 * 60 * minute,
});

export interface SessionServiceOptions {
  sessions: SessionStore;
  users: Pick<UserStore, 'findById'>;
  now?: Clock;
  /** A session unused this long is dead. Default 30 min. */
  idleTimeoutMs?: number;
  /** A session this old is dead however active. Default 8 h. */
  absoluteTimeoutMs?: number;
  /**
   * `lastSeenAt` is written at most this often, not on every request. The idle timeout is therefore
   * exact to within this interval. Default 1 min.
   */
  touchIntervalMs?: number;
}

/** A session just created: the token goes to the client once (cookie or response body) and is never stored. */
export interface IssuedSession {
  token: string;
  session: SessionRecord;
}

export interface AuthenticatedSession {
  session: SessionRecord;
  user: AuthenticatedUser;
}

export interface SessionService {
  readonly idleTimeoutMs: number;
  readonly absoluteTimeoutMs: number;
  create(options: { userId: string; ip?: string; userAgent?: string }): Promise<IssuedSession>;
  /** Resolves a presented token to its live session and active user, or throws {@link AuthenticationError}. */
  authenticate(token: string): Promise<AuthenticatedSession>;
  /** Logout: the token stops working at once. Unknown tokens are ignored. */
  revoke(token: string): Promise<void>;
  /** Password change, role change, deactivation: every session of the user ends. */
  revokeAllForUser(userId: string): Promise<void>;
  /** Deletes expired sessions; run it periodically. Returns how many were removed. */
  purgeExpired(): Promise<number>;
}

export function createSessionService(options: SessionServiceOptions): SessionService {
  const { sessions, users } = options;
  const now = options.now ?? systemClock;
  const idleTimeoutMs = options.idleTimeoutMs ?? defaultSessionTimeouts.idleTimeoutMs;
  const absoluteTimeoutMs = options.absoluteTimeoutMs ?? defaultSessionTimeouts.absoluteTimeoutMs;
  const touchIntervalMs = Math.min(options.touchIntervalMs ?? minute, idleTimeoutMs);

  const invalid = () =>
    new AuthenticationError({ code: 'invalid_session', message: 'Invalid session; log in again.' });

  async function findLive(token: string): Promise<SessionRecord | undefined> {
    if (!looksLikeSessionToken(token)) return undefined;
    const tokenHash = hashSessionToken(token);
    const session = await sessions.findByTokenHash(tokenHash);
    // The store looked the hash up through an index; compare again in constant time so a store that
    // matched loosely (case, prefix) can never let a different token through.
    if (session === undefined || !safeEqual(session.tokenHash, tokenHash)) return undefined;
    return session;
  }

  return {
    idleTimeoutMs,
    absoluteTimeoutMs,

    async create({ userId, ip, userAgent }) {
      const token = generateSessionToken();
      const at = now();
      const session = await sessions.create({
        userId,
        tokenHash: hashSessionToken(token),
        createdAt: new Date(at),
        lastSeenAt: new Date(at),
        expiresAt: new Date(at + absoluteTimeoutMs),
        ip,
        userAgent,
      });
      return { token, session };
    },

    async authenticate(token) {
      const session = await findLive(token);
      if (session === undefined) throw invalid();
      const at = now();
      if (at >= session.expiresAt.getTime() || at - session.lastSeenAt.getTime() >= idleTimeoutMs) {
        await sessions.delete(session.id);
        throw new AuthenticationError({
          code: 'session_expired',
          message: 'Your session has expired; log in again.',
        });
      }
      const user = await users.findById(session.userId);
      if (user === undefined || !user.active) {
        await sessions.delete(session.id);
        throw invalid();
      }
      let live = session;
      if (at - session.lastSeenAt.getTime() >= touchIntervalMs) {
        live = { ...session, lastSeenAt: new Date(at) };
        await sessions.touch({ id: session.id, lastSeenAt: live.lastSeenAt });
      }
      return { session: live, user: toAuthenticatedUser(user) };
    },

    async revoke(token) {
      const session = await findLive(token);
      if (session !== undefined) await sessions.delete(session.id);
    },

    revokeAllForUser: (userId) => sessions.deleteAllForUser(userId),

    purgeExpired() {
      const at = now();
      return sessions.deleteExpired({
        expiresBefore: new Date(at),
        lastSeenBefore: new Date(at - idleTimeoutMs),
      });
    },
  };
}
