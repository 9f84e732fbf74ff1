import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';

import type {
  UsageFilter,
  UsageGroupBy,
  UsageMetrics,
  UsageSeriesPoint,
  UsageSeriesQuery,
  UsageStatsRepository,
  UsageSummaryQuery,
  UsageSummaryRow,
} from '../../model/usage-stats';
import { requestLogs } from '../schema';
import { flushBeforeRead, read, type SqliteContext } from '../sqlite-context';

const bucketSizeMs = { hour: 3_600_000, day: 86_400_000 } as const;

interface MetricRow {
  bucket: number;
  grp: string | null;
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  credits: number;
  avgLatencyMs: number | null;
  avgFirstByteMs: number | null;
}

interface PercentileRow {
  bucket: number;
  grp: string | null;
  latencyMs: number;
}

function groupExpression(groupBy: UsageGroupBy): SQL {
  switch (groupBy) {
    case 'none':
      return sql`null`;
    case 'apiKey':
      return sql`${requestLogs.apiKeyId}`;
    case 'account':
      return sql`${requestLogs.accountId}`;
    case 'model':
      return sql`${requestLogs.modelRequested}`;
    case 'user':
      return sql`${requestLogs.userId}`;
  }
}

function filterExpression(range: { from?: number; to?: number }, filter: UsageFilter = {}): SQL {
  return (
    and(
      range.from === undefined ? undefined : gte(requestLogs.createdAt, range.from),
      range.to === undefined ? undefined : lt(requestLogs.createdAt, range.to),
      filter.apiKeyId === undefined ? undefined : eq(requestLogs.apiKeyId, filter.apiKeyId),
      filter.accountId === undefined ? undefined : eq(requestLogs.accountId, filter.accountId),
      filter.userId === undefined ? undefined : eq(requestLogs.userId, filter.userId),
      filter.model === undefined ? undefined : eq(requestLogs.modelRequested, filter.model),
    ) ?? sql`1 = 1`
  );
}

/**
 * Start of the bucket holding `created_at`, in integer arithmetic (portable SQL). The offset
 * moves bucket edges to local midnight; both numbers are ours, never a caller's string.
 */
function bucketExpression(sizeMs: number, offsetMs: number): SQL {
  const size = sql.raw(String(sizeMs));
  const offset = sql.raw(String(offsetMs));
  return sql`((${requestLogs.createdAt} + ${offset}) / ${size}) * ${size} - ${offset}`;
}

export class SqliteUsageStatsRepository implements UsageStatsRepository {
  constructor(private readonly context: SqliteContext) {}

  async series(query: UsageSeriesQuery): Promise<UsageSeriesPoint[]> {
    await flushBeforeRead(this.context);
    const offsetMinutes = Number.isFinite(query.utcOffsetMinutes)
      ? Math.round(query.utcOffsetMinutes ?? 0)
      : 0;
    const bucket = bucketExpression(bucketSizeMs[query.bucket], offsetMinutes * 60_000);
    return read(this.context, 'usage series', () =>
      this.aggregate({
        bucket,
        group: groupExpression(query.groupBy ?? 'none'),
        where: filterExpression(query, query.filter),
      }).map(({ bucket: bucketStart, grp, ...metrics }) => ({
        bucketStart,
        group: grp,
        ...metrics,
      })),
    );
  }

  async summary(query: UsageSummaryQuery = {}): Promise<UsageSummaryRow[]> {
    await flushBeforeRead(this.context);
    return read(this.context, 'usage summary', () =>
      this.aggregate({
        bucket: sql`0`,
        group: groupExpression(query.groupBy ?? 'none'),
        where: filterExpression(query, query.filter),
      })
        .map(({ bucket: _bucket, grp, ...metrics }) => ({ group: grp, ...metrics }))
        .sort((left, right) => right.requests - left.requests),
    );
  }

  private aggregate(parts: { bucket: SQL; group: SQL; where: SQL }): (UsageMetrics & {
    bucket: number;
    grp: string | null;
  })[] {
    const { bucket, group, where } = parts;
    const rows = this.context.db.all<MetricRow>(sql`
      select ${bucket} as bucket, ${group} as grp,
        count(*) as requests,
        sum(case when ${requestLogs.status} >= 400 then 1 else 0 end) as errors,
        sum(${requestLogs.inputTokens}) as inputTokens,
        sum(${requestLogs.outputTokens}) as outputTokens,
        sum(${requestLogs.cacheReadTokens}) as cacheReadTokens,
        sum(${requestLogs.cacheWriteTokens}) as cacheWriteTokens,
        coalesce(sum(${requestLogs.credits}), 0) as credits,
        avg(${requestLogs.latencyMs}) as avgLatencyMs,
        avg(${requestLogs.firstByteMs}) as avgFirstByteMs
      from ${requestLogs}
      where ${where}
      group by 1, 2
      order by 1, 2`);
    // Nearest-rank p95 per group with window functions: the row ranked ceil(0.95 × n).
    const percentiles = this.context.db.all<PercentileRow>(sql`
      select bucket, grp, latency_ms as latencyMs from (
        select bucket, grp, latency_ms,
          row_number() over (partition by bucket, grp order by latency_ms) as position,
          count(*) over (partition by bucket, grp) as size
        from (
          select ${bucket} as bucket, ${group} as grp, ${requestLogs.latencyMs} as latency_ms
          from ${requestLogs}
          where ${where}
        ) as scoped
      ) as ranked
      where position = (size * 95 + 99) / 100`);
    const p95ByGroup = new Map(
      percentiles.map((row) => [JSON.stringify([row.bucket, row.grp]), row.latencyMs]),
    );
    return rows.map((row) => ({
      ...row,
      credits: Number(row.credits),
      p95LatencyMs: p95ByGroup.get(JSON.stringify([row.bucket, row.grp])) ?? null,
    }));
  }
}
