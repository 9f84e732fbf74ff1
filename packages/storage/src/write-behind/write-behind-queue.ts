import { StorageError } from '../storage-error';
import {
  type AccountUseDelta,
  type ApiKeyUsageDelta,
  mergeAccountUse,
  mergeApiKeyUsage,
  type PendingWrites,
  type QueuedRequestLog,
} from './pending-writes';

export interface WriteBehindQueueOptions {
  flushIntervalMs: number;
  maxBatchSize: number;
  maxPending: number;
  /** Writes one batch atomically; rejects to have the batch kept and retried. */
  writeBatch: (batch: PendingWrites) => Promise<void>;
  onError: (error: unknown) => void;
}

/**
 * Keeps hot-path writes (request logs, usage counters) in memory and writes them in one
 * transaction every interval or as soon as a batch is full. Counters are coalesced per key/day
 * and per account, so a thousand requests on one key become one UPDATE. A failed batch goes back
 * to the front of the queue; `flush()` and `close()` resolve only once everything queued before
 * them is committed.
 */
export class WriteBehindQueue {
  private requestLogs: QueuedRequestLog[] = [];
  private apiKeyUsage = new Map<string, Map<string, ApiKeyUsageDelta>>();
  private accountUses = new Map<string, AccountUseDelta>();
  private inFlight: PendingWrites | undefined;
  private tail: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private flushScheduled = false;
  private closed = false;

  constructor(private readonly options: WriteBehindQueueOptions) {}

  start(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.flushInBackground(), this.options.flushIntervalMs);
    // Never keep the process alive just to flush: shutdown calls close().
    this.timer.unref();
  }

  appendRequestLog(row: QueuedRequestLog): void {
    this.assertOpen();
    this.requestLogs.push(row);
    if (this.requestLogs.length > this.options.maxPending) {
      const dropped = this.requestLogs.splice(0, this.requestLogs.length - this.options.maxPending);
      this.options.onError(
        new StorageError(
          'query',
          `write-behind queue full: dropped ${dropped.length} request-log rows (flushes are failing)`,
        ),
      );
    }
    if (this.requestLogs.length >= this.options.maxBatchSize) this.scheduleFlush();
  }

  addApiKeyUsage(delta: ApiKeyUsageDelta): void {
    this.assertOpen();
    addKeyDelta(this.apiKeyUsage, delta);
  }

  addAccountUse(delta: AccountUseDelta): void {
    this.assertOpen();
    const existing = this.accountUses.get(delta.accountId);
    if (existing) mergeAccountUse(existing, delta);
    else this.accountUses.set(delta.accountId, { ...delta });
  }

  /** Usage of one key not yet committed (queued or being written), one entry per day. */
  pendingApiKeyUsage(apiKeyId: string): ApiKeyUsageDelta[] {
    const byDay = new Map<string, ApiKeyUsageDelta>();
    const sources = [
      ...(this.inFlight?.apiKeyUsage.filter((delta) => delta.apiKeyId === apiKeyId) ?? []),
      ...(this.apiKeyUsage.get(apiKeyId)?.values() ?? []),
    ];
    for (const delta of sources) {
      const existing = byDay.get(delta.day);
      if (existing) mergeApiKeyUsage(existing, delta);
      else byDay.set(delta.day, { ...delta });
    }
    return [...byDay.values()];
  }

  /** Uses of one account not yet committed. */
  pendingAccountUse(accountId: string): AccountUseDelta | undefined {
    let total: AccountUseDelta | undefined;
    const queued = this.accountUses.get(accountId);
    const sources = [
      ...(this.inFlight?.accountUses.filter((delta) => delta.accountId === accountId) ?? []),
      ...(queued ? [queued] : []),
    ];
    for (const delta of sources) {
      if (total) mergeAccountUse(total, delta);
      else total = { ...delta };
    }
    return total;
  }

  get pendingCount(): number {
    let keyDeltas = 0;
    for (const byDay of this.apiKeyUsage.values()) keyDeltas += byDay.size;
    return this.requestLogs.length + keyDeltas + this.accountUses.size;
  }

  /** Resolves once everything queued before the call is committed; rejects if that write fails. */
  flush(): Promise<void> {
    const run = this.tail.then(() => this.writeQueued());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Stops the timer, refuses new writes and flushes what is queued. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.closed = true;
    await this.flush();
  }

  private flushInBackground(): void {
    if (this.pendingCount === 0) return;
    this.flush().catch((error: unknown) => this.options.onError(error));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flushInBackground();
    });
  }

  private async writeQueued(): Promise<void> {
    if (this.pendingCount === 0) return;
    const batch = this.takeAll();
    this.inFlight = batch;
    try {
      await this.options.writeBatch(batch);
    } catch (error) {
      this.putBack(batch);
      throw error;
    } finally {
      this.inFlight = undefined;
    }
  }

  private takeAll(): PendingWrites {
    const batch: PendingWrites = {
      requestLogs: this.requestLogs,
      apiKeyUsage: [...this.apiKeyUsage.values()].flatMap((byDay) => [...byDay.values()]),
      accountUses: [...this.accountUses.values()],
    };
    this.requestLogs = [];
    this.apiKeyUsage = new Map();
    this.accountUses = new Map();
    return batch;
  }

  /** A failed batch goes back in front of what arrived meanwhile, so order is kept. */
  private putBack(batch: PendingWrites): void {
    this.requestLogs = [...batch.requestLogs, ...this.requestLogs];
    for (const delta of batch.apiKeyUsage) addKeyDelta(this.apiKeyUsage, delta);
    for (const delta of batch.accountUses) {
      const existing = this.accountUses.get(delta.accountId);
      if (existing) mergeAccountUse(existing, delta);
      else this.accountUses.set(delta.accountId, delta);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageError('closed', 'storage is closed: the write was refused');
  }
}

function addKeyDelta(
  map: Map<string, Map<string, ApiKeyUsageDelta>>,
  delta: ApiKeyUsageDelta,
): void {
  let byDay = map.get(delta.apiKeyId);
  if (!byDay) {
    byDay = new Map();
    map.set(delta.apiKeyId, byDay);
  }
  const existing = byDay.get(delta.day);
  if (existing) mergeApiKeyUsage(existing, delta);
  else byDay.set(delta.day, { ...delta });
}
