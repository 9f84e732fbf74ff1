import type { NewRequestLog } from '../model/request-logs';

/** A request-log row with its time fixed when it was queued. */
export type QueuedRequestLog = NewRequestLog & { createdAt: number };

/** Usage added to one key on one UTC day (`YYYY-MM-DD`). */
export interface ApiKeyUsageDelta {
  apiKeyId: string;
  day: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  lastUsedAt: number;
}

export interface AccountUseDelta {
  accountId: string;
  uses: number;
  lastUsedAt: number;
}

/** One batch, written in one transaction. */
export interface PendingWrites {
  requestLogs: QueuedRequestLog[];
  apiKeyUsage: ApiKeyUsageDelta[];
  accountUses: AccountUseDelta[];
}

/** The UTC day of an epoch-ms time, as `YYYY-MM-DD` (sorts like the days it names). */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function mergeApiKeyUsage(into: ApiKeyUsageDelta, add: ApiKeyUsageDelta): void {
  into.requests += add.requests;
  into.inputTokens += add.inputTokens;
  into.outputTokens += add.outputTokens;
  into.lastUsedAt = Math.max(into.lastUsedAt, add.lastUsedAt);
}

export function mergeAccountUse(into: AccountUseDelta, add: AccountUseDelta): void {
  into.uses += add.uses;
  into.lastUsedAt = Math.max(into.lastUsedAt, add.lastUsedAt);
}
