import {
  and,
  desc,
  eq,
  getTableColumns,
  gt,
  isNull,
  isNotNull,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';

import type { NewSession, Session, SessionRepository, SessionTouch } from '../../model/sessions';
import type { User } from '../../model/users';
import { newId } from '../../new-id';
import { preparedOnce } from '../prepared-once';
import { trimText } from '../query-helpers';
import { sessions, users } from '../schema';
import { read, type SqliteContext, write, writeDurably } from '../sqlite-context';

const { tokenHash: _tokenHash, ...sessionColumns } = getTableColumns(sessions);
const { passwordHash: _passwordHash, ...userColumns } = getTableColumns(users);

export class SqliteSessionRepository implements SessionRepository {
  /** Every admin request looks its session up. */
  private readonly selectByTokenHash = preparedOnce(() =>
    this.context.db
      .select({ session: sessionColumns, user: userColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .prepare(),
  );

  constructor(private readonly context: SqliteContext) {}

  create(input: NewSession): Promise<Session> {
    return writeDurably(this.context, 'create session', () => {
      const now = this.context.clock();
      return this.context.db
        .insert(sessions)
        .values({
          id: input.id ?? newId(),
          tokenHash: input.tokenHash,
          userId: input.userId,
          createdAt: now,
          expiresAt: input.expiresAt,
          idleExpiresAt: input.idleExpiresAt,
          lastSeenAt: now,
          clientIp: input.clientIp ?? null,
          userAgent: trimText(input.userAgent),
        })
        .returning(sessionColumns)
        .get();
    });
  }

  findByTokenHash(tokenHash: string): Promise<{ session: Session; user: User } | undefined> {
    return read(this.context, 'find session', () => this.selectByTokenHash().get({ tokenHash }));
  }

  get(id: string): Promise<Session | undefined> {
    return read(this.context, 'get session', () =>
      this.context.db.select(sessionColumns).from(sessions).where(eq(sessions.id, id)).get(),
    );
  }

  touch(input: SessionTouch): Promise<void> {
    return write(this.context, 'touch session', () => {
      this.context.db
        .update(sessions)
        .set({ lastSeenAt: input.lastSeenAt, idleExpiresAt: input.idleExpiresAt })
        .where(and(eq(sessions.id, input.sessionId), isNull(sessions.revokedAt)))
        .run();
    });
  }

  revoke(sessionId: string): Promise<boolean> {
    return writeDurably(this.context, 'revoke session', () => {
      const result = this.context.db
        .update(sessions)
        .set({ revokedAt: this.context.clock() })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
        .run();
      return result.changes > 0;
    });
  }

  revokeAllForUser(input: { userId: string; exceptSessionId?: string }): Promise<number> {
    return writeDurably(this.context, 'revoke sessions', () => {
      const result = this.context.db
        .update(sessions)
        .set({ revokedAt: this.context.clock() })
        .where(
          and(
            eq(sessions.userId, input.userId),
            isNull(sessions.revokedAt),
            input.exceptSessionId ? ne(sessions.id, input.exceptSessionId) : undefined,
          ),
        )
        .run();
      return result.changes;
    });
  }

  listActiveForUser(userId: string): Promise<Session[]> {
    return read(this.context, 'list sessions', () => {
      const now = this.context.clock();
      return this.context.db
        .select(sessionColumns)
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now),
            gt(sessions.idleExpiresAt, now),
          ),
        )
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .all();
    });
  }

  deleteExpired(now?: number): Promise<number> {
    return write(this.context, 'delete expired sessions', () => {
      const cutoff = now ?? this.context.clock();
      const result = this.context.db
        .delete(sessions)
        .where(
          or(
            isNotNull(sessions.revokedAt),
            lte(sessions.expiresAt, cutoff),
            lte(sessions.idleExpiresAt, cutoff),
          ),
        )
        .run();
      return result.changes;
    });
  }
}
