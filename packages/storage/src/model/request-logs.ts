import type { Page, PageRequest } from '../paging';

/** One upstream attempt of a request. */
export interface RequestAttempt {
  accountId: string;
  /** `success`, or the failure class (`transient`, `auth`, `rate_limited`, `client`…). */
  outcome: string;
  /** The specific cause, e.g. `throttled`, `network`; null on success. */
  reason: string | null;
  /** A safe one-line description; null on success. */
  message: string | null;
  /** How long the attempt took, ms. */
  durationMs: number | null;
}

/** One change the gateway made to a request so the upstream takes it. */
export interface RequestAdaptation {
  /** e.g. `tool_dropped`, `field_translated`. */
  kind: string;
  /** What was changed and how, naming the field, block or tool. */
  detail: string;
}

/** One proxied request, as the logs page shows it. */
export interface RequestLog {
  id: number;
  createdAt: number;
  requestId: string | null;
  apiKeyId: string | null;
  userId: string | null;
  accountId: string | null;
  /** e.g. `/v1/messages`. */
  route: string;
  /** The model the client asked for. */
  modelRequested: string | null;
  /** The model id sent upstream after mapping. */
  modelSent: string | null;
  stream: boolean;
  /** HTTP status returned to the client. */
  status: number;
  errorClass: string | null;
  errorCode: string | null;
  /** The error the client was told, trimmed. */
  errorMessage: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  credits: number | null;
  latencyMs: number;
  /** Time to the first byte sent to the client. */
  firstByteMs: number | null;
  attempts: number;
  /** Each upstream attempt in order: which account, and how it ended. */
  attemptLog: RequestAttempt[] | null;
  /** What the gateway changed in the request (the `x-octoproxy-adapted` header's list). */
  adaptations: RequestAdaptation[] | null;
  clientIp: string | null;
  /** Trimmed to 256 characters. */
  userAgent: string | null;
}

export interface NewRequestLog {
  /** Epoch ms; default now. */
  createdAt?: number;
  requestId?: string | null;
  apiKeyId?: string | null;
  userId?: string | null;
  accountId?: string | null;
  route: string;
  modelRequested?: string | null;
  modelSent?: string | null;
  stream: boolean;
  status: number;
  errorClass?: string | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  credits?: number | null;
  latencyMs: number;
  firstByteMs?: number | null;
  attempts?: number;
  attemptLog?: readonly RequestAttempt[] | null;
  adaptations?: readonly RequestAdaptation[] | null;
  clientIp?: string | null;
  userAgent?: string | null;
}

export interface RequestLogQuery extends PageRequest {
  /** Inclusive, epoch ms. */
  from?: number;
  /** Exclusive, epoch ms. */
  to?: number;
  apiKeyId?: string;
  userId?: string;
  accountId?: string;
  /** Matches the requested model. */
  model?: string;
  route?: string;
  /** `success` = status < 400, `error` = status ≥ 400. */
  outcome?: 'success' | 'error';
  status?: number;
}

export interface RequestLogRepository {
  /** Queues the row; returns at once. Written within the flush interval, or by `flush()` / `close()`. */
  append(entry: NewRequestLog): void;
  /** Newest first. Writes queued so far are flushed first, so the page is up to date. */
  list(query?: RequestLogQuery): Promise<Page<RequestLog>>;
  get(id: number): Promise<RequestLog | undefined>;
  /** Retention: deletes rows created before `cutoff` (epoch ms). Returns how many. */
  deleteOlderThan(cutoff: number): Promise<number>;
}
