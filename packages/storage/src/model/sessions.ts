import type { User } from './users';

/** An admin-UI session. Only the hash of its token is stored, and it is never returned. */
export interface Session {
  id: string;
  userId: string;
  createdAt: number;
  /** Absolute expiry, epoch ms: the session ends then however active it is. */
  expiresAt: number;
  /** Idle expiry, epoch ms: pushed forward by `touch`. */
  idleExpiresAt: number;
  lastSeenAt: number;
  revokedAt: number | null;
  clientIp: string | null;
  userAgent: string | null;
}

export interface NewSession {
  id?: string;
  tokenHash: string;
  userId: string;
  expiresAt: number;
  idleExpiresAt: number;
  clientIp?: string | null;
  /** Trimmed to 256 characters. */
  userAgent?: string | null;
}

export interface SessionTouch {
  sessionId: string;
  lastSeenAt: number;
  idleExpiresAt: number;
}

export interface SessionRepository {
  create(input: NewSession): Promise<Session>;
  /**
   * The session and its user in one read, whatever their state: the caller checks revocation,
   * both expiries, the user's `active` flag and `passwordChangedAt`.
   */
  findByTokenHash(tokenHash: string): Promise<{ session: Session; user: User } | undefined>;
  get(id: string): Promise<Session | undefined>;
  touch(input: SessionTouch): Promise<void>;
  /** Returns false when the session does not exist or was already revoked. */
  revoke(sessionId: string): Promise<boolean>;
  /** Revokes every live session of the user, except `exceptSessionId`. Returns how many. */
  revokeAllForUser(input: { userId: string; exceptSessionId?: string }): Promise<number>;
  /** Live (unrevoked, unexpired) sessions, newest first. */
  listActiveForUser(userId: string): Promise<Session[]>;
  /** Deletes revoked sessions and those past either expiry. Returns how many. */
  deleteExpired(now?: number): Promise<number>;
}
