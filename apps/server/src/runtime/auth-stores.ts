import type {
  ApiKeyRecord,
  ApiKeyStore,
  SessionRecord,
  SessionStore,
  UserRecord,
  UserStore,
} from '@octoproxy/auth';
import { utcDay } from '@octoproxy/auth';
import type { Storage, User } from '@octoproxy/storage';

/** Adapts storage's repositories to the ports `@octoproxy/auth` defines. */

function userRecord(user: User, passwordHash: string): UserRecord {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    passwordHash,
  };
}

export function userStoreOf(storage: Storage): UserStore {
  const users = storage.users;
  return {
    async findById(id) {
      const user = await users.get(id);
      const hash = user && (await users.getPasswordHash(id));
      return user && hash !== undefined ? userRecord(user, hash) : undefined;
    },
    async findByUsername(username) {
      const found = await users.findForLogin(username);
      return found && userRecord(found.user, found.passwordHash);
    },
    async hasAnyUser() {
      return (await users.counts()).total > 0;
    },
    async create(user) {
      const created = await users.create(user);
      return userRecord(created, user.passwordHash);
    },
    async updatePassword({ id, passwordHash, mustChangePassword }) {
      // Auth ends sessions itself where a change calls for it (password change, reset).
      await users.setPassword({
        userId: id,
        passwordHash,
        mustChangePassword,
        revokeSessions: false,
      });
    },
  };
}

/**
 * Sessions: storage keeps an idle deadline and revocation; auth thinks in last-seen times and
 * deletions. A session older than its user's last password change is stale.
 */
export function sessionStoreOf(storage: Storage, options: { idleTimeoutMs: number }): SessionStore {
  const sessions = storage.sessions;
  return {
    async create(session) {
      const created = await sessions.create({
        userId: session.userId,
        tokenHash: session.tokenHash,
        expiresAt: session.expiresAt.getTime(),
        idleExpiresAt: session.lastSeenAt.getTime() + options.idleTimeoutMs,
        clientIp: session.ip ?? null,
        userAgent: session.userAgent ?? null,
      });
      return {
        id: created.id,
        userId: created.userId,
        tokenHash: session.tokenHash,
        createdAt: new Date(created.createdAt),
        lastSeenAt: new Date(created.lastSeenAt),
        expiresAt: new Date(created.expiresAt),
      };
    },
    async findByTokenHash(tokenHash): Promise<SessionRecord | undefined> {
      const found = await sessions.findByTokenHash(tokenHash);
      if (found === undefined) return undefined;
      const { session, user } = found;
      if (session.revokedAt !== null || session.createdAt < user.passwordChangedAt)
        return undefined;
      return {
        id: session.id,
        userId: session.userId,
        tokenHash,
        createdAt: new Date(session.createdAt),
        lastSeenAt: new Date(session.lastSeenAt),
        expiresAt: new Date(session.expiresAt),
      };
    },
    async touch({ id, lastSeenAt }) {
      await sessions.touch({
        sessionId: id,
        lastSeenAt: lastSeenAt.getTime(),
        idleExpiresAt: lastSeenAt.getTime() + options.idleTimeoutMs,
      });
    },
    async delete(id) {
      await sessions.revoke(id);
    },
    async deleteAllForUser(userId) {
      await sessions.revokeAllForUser({ userId });
    },
    deleteExpired: ({ expiresBefore }) => sessions.deleteExpired(expiresBefore.getTime()),
  };
}

/** API keys: today's counter as storage keeps it; uses are queued off the request path. */
export function apiKeyStoreOf(storage: Storage, now: () => number = Date.now): ApiKeyStore {
  return {
    async findByHash(keyHash): Promise<ApiKeyRecord | undefined> {
      const key = await storage.apiKeys.getByHash(keyHash);
      if (key === undefined) return undefined;
      // A disabled owner's keys stop working with the owner.
      const owner = key.userId === null ? undefined : await storage.users.get(key.userId);
      const ownerActive = key.userId === null || owner?.active === true;
      return {
        id: key.id,
        ownerId: key.userId ?? '',
        name: key.name,
        keyHash,
        active: key.active && ownerActive,
        expiresAt: key.expiresAt === null ? null : new Date(key.expiresAt),
        dailyRequestLimit: key.dailyRequestLimit,
        rateLimitPerMinute: key.rateLimitPerMinute,
        allowedModels: key.allowedModels,
        dailyUsage: { date: utcDay(now()), requests: key.requestsToday },
      };
    },
    recordUse({ id, at }) {
      storage.apiKeys.recordUsage({ apiKeyId: id, requests: 1, at: at.getTime() });
    },
  };
}
