import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';

import type {
  NewRequestLog,
  RequestLog,
  RequestLogQuery,
  RequestLogRepository,
} from '../../model/request-logs';
import { normalizePageRequest, type Page } from '../../paging';
import { trimText } from '../query-helpers';
import { toCount, toOptionalNumber, toTime } from '../sanitize';
import { requestLogs } from '../schema';
import { flushBeforeRead, read, type SqliteContext, write } from '../sqlite-context';

/** A request that tried more accounts than this keeps the first ones (the count stays exact). */
const maxLoggedAttempts = 20;
/** A request changed in more ways than this is bounded; each detail is trimmed like a message. */
const maxLoggedAdaptations = 50;

export class SqliteRequestLogRepository implements RequestLogRepository {
  constructor(private readonly context: SqliteContext) {}

  append(entry: NewRequestLog): void {
    this.context.queue.appendRequestLog({
      createdAt: toTime(entry.createdAt, this.context.clock),
      requestId: entry.requestId ?? null,
      apiKeyId: entry.apiKeyId ?? null,
      userId: entry.userId ?? null,
      accountId: entry.accountId ?? null,
      route: String(entry.route),
      modelRequested: entry.modelRequested ?? null,
      modelSent: entry.modelSent ?? null,
      stream: entry.stream === true,
      status: toCount(entry.status),
      errorClass: entry.errorClass ?? null,
      errorCode: entry.errorCode ?? null,
      errorMessage: trimText(entry.errorMessage, 1000),
      inputTokens: toCount(entry.inputTokens),
      outputTokens: toCount(entry.outputTokens),
      cacheReadTokens: toCount(entry.cacheReadTokens),
      cacheWriteTokens: toCount(entry.cacheWriteTokens),
      credits: toOptionalNumber(entry.credits),
      latencyMs: toCount(entry.latencyMs),
      firstByteMs: toOptionalNumber(entry.firstByteMs),
      attempts: entry.attempts === undefined ? 1 : toCount(entry.attempts),
      attemptLog: entry.attemptLog ? entry.attemptLog.slice(0, maxLoggedAttempts) : null,
      adaptations:
        entry.adaptations && entry.adaptations.length > 0
          ? entry.adaptations
              .slice(0, maxLoggedAdaptations)
              .map(({ kind, detail }) => ({ kind, detail: trimText(detail, 1000) ?? '' }))
          : null,
      clientIp: trimText(entry.clientIp, 64),
      userAgent: trimText(entry.userAgent),
    });
  }

  async list(query: RequestLogQuery = {}): Promise<Page<RequestLog>> {
    await flushBeforeRead(this.context);
    return read(this.context, 'list request logs', () => {
      const { limit, offset } = normalizePageRequest(query);
      const where = requestLogFilter(query);
      const total = this.context.db.select({ total: count() }).from(requestLogs).where(where).get();
      const items = this.context.db
        .select()
        .from(requestLogs)
        .where(where)
        .orderBy(desc(requestLogs.createdAt), desc(requestLogs.id))
        .limit(limit)
        .offset(offset)
        .all();
      return { items, total: total?.total ?? 0, limit, offset };
    });
  }

  async get(id: number): Promise<RequestLog | undefined> {
    await flushBeforeRead(this.context);
    return read(this.context, 'get request log', () =>
      this.context.db.select().from(requestLogs).where(eq(requestLogs.id, id)).get(),
    );
  }

  deleteOlderThan(cutoff: number): Promise<number> {
    return write(
      this.context,
      'delete request logs',
      () =>
        this.context.db.delete(requestLogs).where(lt(requestLogs.createdAt, cutoff)).run().changes,
    );
  }
}

function requestLogFilter(query: RequestLogQuery): SQL | undefined {
  return and(
    query.from === undefined ? undefined : gte(requestLogs.createdAt, query.from),
    query.to === undefined ? undefined : lt(requestLogs.createdAt, query.to),
    query.apiKeyId === undefined ? undefined : eq(requestLogs.apiKeyId, query.apiKeyId),
    query.userId === undefined ? undefined : eq(requestLogs.userId, query.userId),
    query.accountId === undefined ? undefined : eq(requestLogs.accountId, query.accountId),
    query.model === undefined ? undefined : eq(requestLogs.modelRequested, query.model),
    query.route === undefined ? undefined : eq(requestLogs.route, query.route),
    query.status === undefined ? undefined : eq(requestLogs.status, query.status),
    query.outcome === 'success' ? lt(requestLogs.status, 400) : undefined,
    query.outcome === 'error' ? gte(requestLogs.status, 400) : undefined,
  );
}
