// Test-only implementations of the ports. Production wires @octoproxy/storage's repositories instead.
import type { ApiKeyRecord, ApiKeyStore } from '../src/api-keys/api-key-store';
import { utcDay } from '../src/api-keys/utc-day';
import type { NewSession, SessionRecord, SessionStore } from '../src/sessions/session-store';
import type { NewUser, UserRecord, UserStore } from '../src/users/user-store';

export class InMemoryUserStore implements UserStore {
  readonly rows = new Map<string, UserRecord>();
  private nextId = 1;

  findById(id: string): Promise<UserRecord | undefined> {
    return Promise.resolve(this.copy(this.rows.get(id)));
  }

  findByUsername(username: string): Promise<UserRecord | undefined> {
    return Promise.resolve(this.copy([...this.rows.values()].find((u) => u.username === username)));
  }

  hasAnyUser(): Promise<boolean> {
    return Promise.resolve(this.rows.size > 0);
  }

  create(user: NewUser): Promise<UserRecord> {
    if ([...this.rows.values()].some((u) => u.username === user.username)) {
      return Promise.reject(new Error(`UNIQUE constraint failed: users.username`));
    }
    const row: UserRecord = { id: `u${this.nextId++}`, active: true, ...user };
    this.rows.set(row.id, row);
    return Promise.resolve({ ...row });
  }

  updatePassword(update: {
    id: string;
    passwordHash: string;
    mustChangePassword: boolean;
  }): Promise<void> {
    const row = this.rows.get(update.id);
    if (row !== undefined) {
      row.passwordHash = update.passwordHash;
      row.mustChangePassword = update.mustChangePassword;
    }
    return Promise.resolve();
  }

  private copy(row: UserRecord | undefined): UserRecord | undefined {
    return row === undefined ? undefined : { ...row };
  }
}

export class InMemorySessionStore implements SessionStore {
  readonly rows = new Map<string, SessionRecord & { ip?: string; userAgent?: string }>();
  touches = 0;
  private nextId = 1;

  create(session: NewSession): Promise<SessionRecord> {
    const { ip, userAgent, ...rest } = session;
    const row = { id: `s${this.nextId++}`, ...rest, ip, userAgent };
    this.rows.set(row.id, row);
    return Promise.resolve(this.copy(row));
  }

  findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = [...this.rows.values()].find((s) => s.tokenHash === tokenHash);
    return Promise.resolve(row === undefined ? undefined : this.copy(row));
  }

  touch(update: { id: string; lastSeenAt: Date }): Promise<void> {
    const row = this.rows.get(update.id);
    if (row !== undefined) row.lastSeenAt = update.lastSeenAt;
    this.touches += 1;
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.rows.delete(id);
    return Promise.resolve();
  }

  deleteAllForUser(userId: string): Promise<void> {
    for (const [id, row] of this.rows) if (row.userId === userId) this.rows.delete(id);
    return Promise.resolve();
  }

  deleteExpired(cutoffs: { expiresBefore: Date; lastSeenBefore: Date }): Promise<number> {
    let removed = 0;
    for (const [id, row] of this.rows) {
      if (row.expiresAt <= cutoffs.expiresBefore || row.lastSeenAt <= cutoffs.lastSeenBefore) {
        this.rows.delete(id);
        removed += 1;
      }
    }
    return Promise.resolve(removed);
  }

  private copy(row: SessionRecord): SessionRecord {
    return {
      id: row.id,
      userId: row.userId,
      tokenHash: row.tokenHash,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
    };
  }
}

export class InMemoryApiKeyStore implements ApiKeyStore {
  readonly rows = new Map<string, ApiKeyRecord & { totalRequests: number; lastUsedAt?: Date }>();
  private nextId = 1;

  add(record: Partial<ApiKeyRecord> & { keyHash: string }): ApiKeyRecord {
    const row = {
      id: `k${this.nextId++}`,
      ownerId: 'u1',
      name: 'test key',
      active: true,
      expiresAt: null,
      dailyRequestLimit: null,
      rateLimitPerMinute: null,
      allowedModels: null,
      dailyUsage: null,
      totalRequests: 0,
      ...record,
    };
    this.rows.set(row.id, row);
    return row;
  }

  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = [...this.rows.values()].find((k) => k.keyHash === keyHash);
    return Promise.resolve(row === undefined ? undefined : { ...row });
  }

  recordUse(use: { id: string; at: Date }): Promise<void> {
    const row = this.rows.get(use.id);
    if (row !== undefined) {
      const today = utcDay(use.at.getTime());
      const requests = row.dailyUsage?.date === today ? row.dailyUsage.requests : 0;
      row.dailyUsage = { date: today, requests: requests + 1 };
      row.totalRequests += 1;
      row.lastUsedAt = use.at;
    }
    return Promise.resolve();
  }
}

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2025, 0, 15, 12, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(epochMs: number) {
      now = epochMs;
    },
  };
}

/** Cheap argon2id parameters so service tests stay fast; the hasher's own tests use OWASP's. */
export const fastArgon2Parameters = {
  memoryCost: 1024,
  timeCost: 1,
  parallelism: 1,
  outputLength: 32,
} as const;
