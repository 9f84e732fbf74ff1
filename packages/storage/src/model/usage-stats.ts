export type UsageBucket = 'hour' | 'day';
export type UsageGroupBy = 'none' | 'apiKey' | 'account' | 'model' | 'user';

export interface UsageFilter {
  apiKeyId?: string;
  accountId?: string;
  userId?: string;
  /** The requested model. */
  model?: string;
}

/** Sums and latency figures over a set of request-log rows. */
export interface UsageMetrics {
  requests: number;
  /** Rows with status ≥ 400. */
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  credits: number;
  /** null when there were no requests. */
  avgLatencyMs: number | null;
  /** Nearest-rank 95th percentile; null when there were no requests. */
  p95LatencyMs: number | null;
  /** Average over rows that recorded a first byte; null when none did. */
  avgFirstByteMs: number | null;
}

export interface UsageSeriesQuery {
  /** Inclusive, epoch ms. */
  from: number;
  /** Exclusive, epoch ms. */
  to: number;
  bucket: UsageBucket;
  /** Default `none`. */
  groupBy?: UsageGroupBy;
  filter?: UsageFilter;
  /**
   * Shifts bucket edges so days start at local midnight (e.g. 120 for UTC+2). Default 0 (UTC).
   */
  utcOffsetMinutes?: number;
}

export interface UsageSeriesPoint extends UsageMetrics {
  /** Start of the bucket, epoch ms. Buckets with no requests are absent. */
  bucketStart: number;
  /** The key/account/user id or model of the group; null for `none` or rows without one. */
  group: string | null;
}

export interface UsageSummaryQuery {
  from?: number;
  to?: number;
  groupBy?: UsageGroupBy;
  filter?: UsageFilter;
}

export interface UsageSummaryRow extends UsageMetrics {
  group: string | null;
}

/** Dashboard aggregations over the request log. Queued log rows are flushed first. */
export interface UsageStatsRepository {
  /** Ordered by bucket, then group. */
  series(query: UsageSeriesQuery): Promise<UsageSeriesPoint[]>;
  /** One row per group (one row in all for `none`), most requests first. */
  summary(query?: UsageSummaryQuery): Promise<UsageSummaryRow[]>;
}
