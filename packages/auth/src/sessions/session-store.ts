/** A login session. Only the SHA-256 of its token is stored; the token itself lives in the client. */
export interface SessionRecord {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The absolute expiry, fixed at creation. The idle expiry follows from `lastSeenAt`. */
  expiresAt: Date;
}

export interface NewSession {
  userId: string;
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** For the session list in the admin UI; optional. */
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** The session storage auth needs. */
export interface SessionStore {
  create(session: NewSession): Promise<SessionRecord>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  touch(update: { id: string; lastSeenAt: Date }): Promise<void>;
  delete(id: string): Promise<void>;
  deleteAllForUser(userId: string): Promise<void>;
  /** Removes sessions past either expiry; returns how many. */
  deleteExpired(cutoffs: { expiresBefore: Date; lastSeenBefore: Date }): Promise<number>;
}
