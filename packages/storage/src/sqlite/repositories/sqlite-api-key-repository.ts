import { and, count, desc, eq, getTableColumns, sql } from 'drizzle-orm';

import type {
  ApiKey,
  ApiKeyCounts,
  ApiKeyCountsQuery,
  ApiKeyListQuery,
  ApiKeyPatch,
  ApiKeyRepository,
  ApiKeyUsage,
  NewApiKey,
} from '../../model/api-keys';
import { newId } from '../../new-id';
import { normalizePageRequest, type Page } from '../../paging';
import { type ApiKeyUsageDelta, utcDay } from '../../write-behind/pending-writes';
import { preparedOnce } from '../prepared-once';
import { containsIgnoreCase, definedOnly } from '../query-helpers';
import { toCount, toTime } from '../sanitize';
import { apiKeys } from '../schema';
import { flushBeforeRead, read, type SqliteContext, writeDurably } from '../sqlite-context';

const { keyHash: _keyHash, ...apiKeyColumns } = getTableColumns(apiKeys);
type ApiKeyRow = Omit<typeof apiKeys.$inferSelect, 'keyHash'>;

export class SqliteApiKeyRepository implements ApiKeyRepository {
  /** The lookup every proxied request makes. */
  private readonly selectByHash = preparedOnce(() =>
    this.context.db
      .select(apiKeyColumns)
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, sql.placeholder('keyHash')))
      .prepare(),
  );
  private readonly selectById = preparedOnce(() =>
    this.context.db
      .select(apiKeyColumns)
      .from(apiKeys)
      .where(eq(apiKeys.id, sql.placeholder('id')))
      .prepare(),
  );

  constructor(private readonly context: SqliteContext) {}

  create(input: NewApiKey): Promise<ApiKey> {
    return writeDurably(this.context, 'create api key', () => {
      const now = this.context.clock();
      const row = this.context.db
        .insert(apiKeys)
        .values({
          id: input.id ?? newId(),
          keyHash: input.keyHash,
          displayPrefix: input.displayPrefix,
          last4: input.last4,
          name: input.name,
          userId: input.userId ?? null,
          dailyRequestLimit: input.dailyRequestLimit ?? null,
          rateLimitPerMinute: input.rateLimitPerMinute ?? null,
          allowedModels: input.allowedModels ?? null,
          expiresAt: input.expiresAt ?? null,
          active: input.active ?? true,
          createdAt: now,
          updatedAt: now,
        })
        .returning(apiKeyColumns)
        .get();
      return this.toApiKey(row);
    });
  }

  get(id: string): Promise<ApiKey | undefined> {
    return read(this.context, 'get api key', () => {
      const row = this.selectById().get({ id });
      return row && this.toApiKey(row);
    });
  }

  getByHash(keyHash: string): Promise<ApiKey | undefined> {
    return read(this.context, 'get api key', () => {
      const row = this.selectByHash().get({ keyHash });
      return row && this.toApiKey(row);
    });
  }

  list(query: ApiKeyListQuery = {}): Promise<Page<ApiKey>> {
    return read(this.context, 'list api keys', () => {
      const { limit, offset } = normalizePageRequest(query);
      const where = and(
        query.userId === undefined ? undefined : eq(apiKeys.userId, query.userId),
        query.active === undefined ? undefined : eq(apiKeys.active, query.active),
        query.search ? containsIgnoreCase(apiKeys.name, query.search) : undefined,
      );
      const total = this.context.db.select({ total: count() }).from(apiKeys).where(where).get();
      const rows = this.context.db
        .select(apiKeyColumns)
        .from(apiKeys)
        .where(where)
        .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
        .limit(limit)
        .offset(offset)
        .all();
      return {
        items: rows.map((row) => this.toApiKey(row)),
        total: total?.total ?? 0,
        limit,
        offset,
      };
    });
  }

  update(id: string, patch: ApiKeyPatch): Promise<ApiKey | undefined> {
    return writeDurably(this.context, 'update api key', () => {
      const row = this.context.db
        .update(apiKeys)
        .set({ ...definedOnly(patch), updatedAt: this.context.clock() })
        .where(eq(apiKeys.id, id))
        .returning(apiKeyColumns)
        .get();
      return row && this.toApiKey(row);
    });
  }

  delete(id: string): Promise<boolean> {
    return writeDurably(
      this.context,
      'delete api key',
      () => this.context.db.delete(apiKeys).where(eq(apiKeys.id, id)).run().changes > 0,
    );
  }

  recordUsage(usage: ApiKeyUsage): void {
    const at = toTime(usage.at, this.context.clock);
    this.context.queue.addApiKeyUsage({
      apiKeyId: usage.apiKeyId,
      day: utcDay(at),
      requests: usage.requests === undefined ? 1 : toCount(usage.requests),
      inputTokens: toCount(usage.inputTokens),
      outputTokens: toCount(usage.outputTokens),
      lastUsedAt: at,
    });
  }

  async counts(query: ApiKeyCountsQuery = {}): Promise<ApiKeyCounts> {
    await flushBeforeRead(this.context);
    return read(this.context, 'count api keys', () => {
      const today = utcDay(this.context.clock());
      const row = this.context.db
        .select({
          total: count(),
          active: sql<number>`coalesce(sum(case when ${apiKeys.active} then 1 else 0 end), 0)`,
          requestsToday: sql<number>`coalesce(sum(case when ${apiKeys.requestsDay} = ${today} then ${apiKeys.requestsToday} else 0 end), 0)`,
          totalRequests: sql<number>`coalesce(sum(${apiKeys.totalRequests}), 0)`,
        })
        .from(apiKeys)
        .where(query.userId === undefined ? undefined : eq(apiKeys.userId, query.userId))
        .get();
      return {
        total: row?.total ?? 0,
        active: Number(row?.active ?? 0),
        requestsToday: Number(row?.requestsToday ?? 0),
        totalRequests: Number(row?.totalRequests ?? 0),
      };
    });
  }

  /** Adds usage still queued, and reads "today" against the clock rather than the stored day. */
  private toApiKey(row: ApiKeyRow): ApiKey {
    const { requestsDay, ...key } = row;
    const today = utcDay(this.context.clock());
    const apiKey: ApiKey = { ...key, requestsToday: requestsDay === today ? key.requestsToday : 0 };
    const pending: ApiKeyUsageDelta[] = this.context.queue.pendingApiKeyUsage(row.id);
    for (const delta of pending) {
      apiKey.totalRequests += delta.requests;
      apiKey.totalInputTokens += delta.inputTokens;
      apiKey.totalOutputTokens += delta.outputTokens;
      if (delta.day === today) apiKey.requestsToday += delta.requests;
      apiKey.lastUsedAt = Math.max(apiKey.lastUsedAt ?? 0, delta.lastUsedAt);
    }
    return apiKey;
  }
}
