import { and, asc, count, eq, getTableColumns, isNull, ne, type SQL, sql } from 'drizzle-orm';

import type {
  NewUser,
  SetPasswordInput,
  User,
  UserCounts,
  UserListQuery,
  UserPatch,
  UserRepository,
} from '../../model/users';
import { newId } from '../../new-id';
import { normalizePageRequest, type Page } from '../../paging';
import { StorageConflictError } from '../../storage-error';
import { preparedOnce } from '../prepared-once';
import { containsIgnoreCase, definedOnly } from '../query-helpers';
import { sessions, users } from '../schema';
import { read, type SqliteContext, write, writeDurably } from '../sqlite-context';

// Every read selects these: the password hash leaves only through findForLogin/getPasswordHash.
const {
  passwordHash: _passwordHash,
  usernameKey: _usernameKey,
  ...userColumns
} = getTableColumns(users);

/** How usernames compare: Unicode-normalized and case-insensitive. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

const byUsername = (username: string): SQL => eq(users.usernameKey, usernameKey(username));

export class SqliteUserRepository implements UserRepository {
  // Every proxied request reads its key's owner; every admin request reads the session's user.
  private readonly selectById = preparedOnce(() =>
    this.context.db
      .select(userColumns)
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  );
  private readonly selectPasswordHash = preparedOnce(() =>
    this.context.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  );

  constructor(private readonly context: SqliteContext) {}

  create(input: NewUser): Promise<User> {
    return writeDurably(this.context, 'create user', () => this.insert(input));
  }

  createIfNoAdmin(input: NewUser): Promise<User | undefined> {
    return writeDurably(this.context, 'create first admin', () => {
      const admin = this.context.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.role, 'admin'))
        .limit(1)
        .get();
      return admin ? undefined : this.insert({ ...input, role: 'admin' });
    });
  }

  get(id: string): Promise<User | undefined> {
    return read(this.context, 'get user', () => this.selectById().get({ id }));
  }

  getByUsername(username: string): Promise<User | undefined> {
    return read(this.context, 'get user', () => this.select(byUsername(username)));
  }

  findForLogin(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
    return read(this.context, 'find user for login', () => {
      const row = this.context.db.select().from(users).where(byUsername(username)).get();
      if (!row) return undefined;
      const { passwordHash, usernameKey: _key, ...user } = row;
      return { user, passwordHash };
    });
  }

  getPasswordHash(userId: string): Promise<string | undefined> {
    return read(
      this.context,
      'get password hash',
      () => this.selectPasswordHash().get({ id: userId })?.passwordHash,
    );
  }

  list(query: UserListQuery = {}): Promise<Page<User>> {
    return read(this.context, 'list users', () => {
      const { limit, offset } = normalizePageRequest(query);
      const where = and(
        query.role === undefined ? undefined : eq(users.role, query.role),
        query.active === undefined ? undefined : eq(users.active, query.active),
        query.search ? containsIgnoreCase(users.username, query.search) : undefined,
      );
      const total = this.context.db.select({ total: count() }).from(users).where(where).get();
      const items = this.context.db
        .select(userColumns)
        .from(users)
        .where(where)
        .orderBy(asc(users.usernameKey))
        .limit(limit)
        .offset(offset)
        .all();
      return { items, total: total?.total ?? 0, limit, offset };
    });
  }

  update(id: string, patch: UserPatch): Promise<User | undefined> {
    return writeDurably(this.context, 'update user', () => {
      const current = this.select(eq(users.id, id));
      if (!current) return undefined;
      const stillActiveAdmin =
        (patch.role ?? current.role) === 'admin' && (patch.active ?? current.active);
      if (current.role === 'admin' && current.active && !stillActiveAdmin) {
        this.assertAnotherActiveAdmin(id);
      }
      this.context.db
        .update(users)
        .set({
          ...definedOnly(patch),
          ...(patch.username === undefined ? {} : { usernameKey: usernameKey(patch.username) }),
          updatedAt: this.context.clock(),
        })
        .where(eq(users.id, id))
        .run();
      return this.select(eq(users.id, id));
    });
  }

  setPassword(input: SetPasswordInput): Promise<User | undefined> {
    return writeDurably(this.context, 'set password', () => {
      const now = this.context.clock();
      const result = this.context.db
        .update(users)
        .set({
          passwordHash: input.passwordHash,
          mustChangePassword: input.mustChangePassword ?? false,
          passwordChangedAt: now,
          updatedAt: now,
        })
        .where(eq(users.id, input.userId))
        .run();
      if (result.changes === 0) return undefined;
      if (input.revokeSessions ?? true) {
        this.context.db
          .update(sessions)
          .set({ revokedAt: now })
          .where(
            and(
              eq(sessions.userId, input.userId),
              isNull(sessions.revokedAt),
              input.keepSessionId ? ne(sessions.id, input.keepSessionId) : undefined,
            ),
          )
          .run();
      }
      return this.select(eq(users.id, input.userId));
    });
  }

  recordLogin(userId: string, at?: number): Promise<void> {
    return write(this.context, 'record login', () => {
      this.context.db
        .update(users)
        .set({ lastLoginAt: at ?? this.context.clock() })
        .where(eq(users.id, userId))
        .run();
    });
  }

  delete(id: string): Promise<boolean> {
    return writeDurably(this.context, 'delete user', () => {
      const current = this.select(eq(users.id, id));
      if (!current) return false;
      if (current.role === 'admin' && current.active) this.assertAnotherActiveAdmin(id);
      return this.context.db.delete(users).where(eq(users.id, id)).run().changes > 0;
    });
  }

  counts(): Promise<UserCounts> {
    return read(this.context, 'count users', () => {
      const row = this.context.db
        .select({
          total: count(),
          admins: sql<number>`coalesce(sum(case when ${users.role} = 'admin' then 1 else 0 end), 0)`,
          active: sql<number>`coalesce(sum(case when ${users.active} then 1 else 0 end), 0)`,
        })
        .from(users)
        .get();
      const total = row?.total ?? 0;
      const admins = Number(row?.admins ?? 0);
      return { total, admins, users: total - admins, active: Number(row?.active ?? 0) };
    });
  }

  private insert(input: NewUser): User {
    const now = this.context.clock();
    const row = this.context.db
      .insert(users)
      .values({
        id: input.id ?? newId(),
        username: input.username,
        usernameKey: usernameKey(input.username),
        role: input.role,
        passwordHash: input.passwordHash,
        active: input.active ?? true,
        mustChangePassword: input.mustChangePassword ?? false,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning(userColumns)
      .get();
    return row;
  }

  private select(where: SQL): User | undefined {
    return this.context.db.select(userColumns).from(users).where(where).get();
  }

  private assertAnotherActiveAdmin(exceptId: string): void {
    const other = this.context.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, exceptId)))
      .limit(1)
      .get();
    if (!other) {
      throw new StorageConflictError({
        message: 'the last active admin cannot be deleted, demoted or deactivated',
        reason: 'last-admin',
      });
    }
  }
}
