import { and, asc, count, eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';

import type {
  Account,
  AccountCounts,
  AccountListQuery,
  AccountPatch,
  AccountRepository,
  AccountUse,
  NewAccount,
} from '../../model/accounts';
import { newId } from '../../new-id';
import { normalizePageRequest, type Page } from '../../paging';
import { preparedOnce } from '../prepared-once';
import { containsIgnoreCase, definedOnly } from '../query-helpers';
import { toCount, toTime } from '../sanitize';
import { accounts } from '../schema';
import { flushBeforeRead, read, type SqliteContext, write, writeDurably } from '../sqlite-context';

const { encryptedCredentials: _encryptedCredentials, ...accountColumns } =
  getTableColumns(accounts);
type AccountRow = Omit<typeof accounts.$inferSelect, 'encryptedCredentials'>;

/**
 * Fields the pool rewrites as it runs (often: every state change, coalesced per second); a patch
 * of only these skips the fsync. Losing the last moments of them to a power loss is harmless: the
 * pool re-derives health and re-syncs usage, plan and entitlements.
 */
const runtimeStateFields = new Set<keyof AccountPatch>([
  'healthState',
  'consecutiveErrors',
  'errorCount',
  'lastError',
  'lastErrorAt',
  'cooldownUntil',
  'cooldownReason',
  'quarantined',
  'quarantineReason',
  'usageUsed',
  'usageLimit',
  'usageDetail',
  'usageSyncedAt',
  'usageResetsAt',
  'plan',
  'entitlements',
  'poolState',
  'lastHealthCheckAt',
]);

/** Whether `update` may commit this patch without an fsync (runtime state only). */
export function isRuntimeStatePatch(patch: AccountPatch): boolean {
  return Object.keys(definedOnly(patch)).every((field) =>
    runtimeStateFields.has(field as keyof AccountPatch),
  );
}

export class SqliteAccountRepository implements AccountRepository {
  // Both run for every proxied request (the account's settings and its credentials).
  private readonly selectById = preparedOnce(() =>
    this.context.db
      .select(accountColumns)
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('id')))
      .prepare(),
  );
  private readonly selectCredentials = preparedOnce(() =>
    this.context.db
      .select({ encryptedCredentials: accounts.encryptedCredentials })
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('id')))
      .prepare(),
  );

  constructor(private readonly context: SqliteContext) {}

  create(input: NewAccount): Promise<Account> {
    return writeDurably(this.context, 'create account', () => this.insert(input));
  }

  createMany(inputs: readonly NewAccount[]): Promise<Account[]> {
    return writeDurably(this.context, 'create accounts', () =>
      inputs.map((input) => this.insert(input)),
    );
  }

  /** Runs `work` in one durable transaction that may create accounts (used by OAuth completion). */
  inDurableTransaction<T>(
    operation: string,
    work: (insertAccount: (input: NewAccount) => Account) => T,
  ): Promise<T> {
    return writeDurably(this.context, operation, () => work((input) => this.insert(input)));
  }

  get(id: string): Promise<Account | undefined> {
    return read(this.context, 'get account', () => {
      const row = this.selectById().get({ id });
      return row && this.toAccount(row);
    });
  }

  list(query: AccountListQuery = {}): Promise<Page<Account>> {
    return read(this.context, 'list accounts', () => {
      const { limit, offset } = normalizePageRequest(query);
      const where = and(
        query.disabled === undefined ? undefined : eq(accounts.disabled, query.disabled),
        query.healthState === undefined ? undefined : eq(accounts.healthState, query.healthState),
        query.search
          ? or(
              containsIgnoreCase(accounts.name, query.search),
              containsIgnoreCase(accounts.email, query.search),
            )
          : undefined,
      );
      const total = this.context.db.select({ total: count() }).from(accounts).where(where).get();
      const rows = this.selectRows(where).limit(limit).offset(offset).all();
      return {
        items: rows.map((row) => this.toAccount(row)),
        total: total?.total ?? 0,
        limit,
        offset,
      };
    });
  }

  listAll(): Promise<Account[]> {
    return read(this.context, 'list accounts', () =>
      this.selectRows(undefined)
        .all()
        .map((row) => this.toAccount(row)),
    );
  }

  update(id: string, patch: AccountPatch): Promise<Account | undefined> {
    const changes = definedOnly(patch);
    const commit = isRuntimeStatePatch(changes) ? write : writeDurably;
    return commit(this.context, 'update account', () => {
      const row = this.context.db
        .update(accounts)
        .set({ ...changes, updatedAt: this.context.clock() })
        .where(eq(accounts.id, id))
        .returning(accountColumns)
        .get();
      return row && this.toAccount(row);
    });
  }

  getEncryptedCredentials(id: string): Promise<string | undefined> {
    return read(
      this.context,
      'get account credentials',
      () => this.selectCredentials().get({ id })?.encryptedCredentials,
    );
  }

  delete(id: string): Promise<boolean> {
    return writeDurably(
      this.context,
      'delete account',
      () => this.context.db.delete(accounts).where(eq(accounts.id, id)).run().changes > 0,
    );
  }

  recordUse(use: AccountUse): void {
    this.context.queue.addAccountUse({
      accountId: use.accountId,
      uses: use.uses === undefined ? 1 : toCount(use.uses),
      lastUsedAt: toTime(use.at, this.context.clock),
    });
  }

  async counts(): Promise<AccountCounts> {
    await flushBeforeRead(this.context);
    return read(this.context, 'count accounts', () => {
      const countWhere = (condition: SQL): SQL<number> =>
        sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
      const row = this.context.db
        .select({
          total: count(),
          healthy: countWhere(sql`${accounts.healthState} = 'healthy'`),
          recovering: countWhere(sql`${accounts.healthState} = 'recovering'`),
          unhealthy: countWhere(sql`${accounts.healthState} = 'unhealthy'`),
          disabled: countWhere(sql`${accounts.disabled}`),
          quarantined: countWhere(sql`${accounts.quarantined}`),
          totalUses: sql<number>`coalesce(sum(${accounts.useCount}), 0)`,
        })
        .from(accounts)
        .get();
      return {
        total: row?.total ?? 0,
        healthy: Number(row?.healthy ?? 0),
        recovering: Number(row?.recovering ?? 0),
        unhealthy: Number(row?.unhealthy ?? 0),
        disabled: Number(row?.disabled ?? 0),
        quarantined: Number(row?.quarantined ?? 0),
        totalUses: Number(row?.totalUses ?? 0),
      };
    });
  }

  private selectRows(where: SQL | undefined) {
    return this.context.db
      .select(accountColumns)
      .from(accounts)
      .where(where)
      .orderBy(asc(accounts.createdAt), asc(accounts.id));
  }

  private insert(input: NewAccount): Account {
    const now = this.context.clock();
    const row = this.context.db
      .insert(accounts)
      .values({
        id: input.id ?? newId(),
        name: input.name,
        authMethod: input.authMethod,
        provider: input.provider ?? null,
        region: input.region,
        ssoRegion: input.ssoRegion ?? null,
        startUrl: input.startUrl ?? null,
        encryptedCredentials: input.encryptedCredentials,
        profileArn: input.profileArn ?? null,
        machineId: input.machineId ?? null,
        proxyUrl: input.proxyUrl ?? null,
        email: input.email ?? null,
        plan: input.plan ?? null,
        entitlements: input.entitlements ?? null,
        allowedModels: input.allowedModels ?? null,
        disabled: input.disabled ?? false,
        weight: input.weight ?? 1,
        concurrencyCap: input.concurrencyCap ?? null,
        healthCheckEnabled: input.healthCheckEnabled ?? true,
        healthCheckModel: input.healthCheckModel ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(accountColumns)
      .get();
    return this.toAccount(row);
  }

  /** Adds uses still queued. */
  private toAccount(row: AccountRow): Account {
    const account: Account = { ...row, provider: row.provider as Account['provider'] };
    const pending = this.context.queue.pendingAccountUse(row.id);
    if (pending) {
      account.useCount += pending.uses;
      account.lastUsedAt = Math.max(account.lastUsedAt ?? 0, pending.lastUsedAt);
    }
    return account;
  }
}
