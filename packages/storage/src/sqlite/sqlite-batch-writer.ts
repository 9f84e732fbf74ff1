import { eq, getTableColumns, sql } from 'drizzle-orm';

import { StorageError } from '../storage-error';
import type {
  AccountUseDelta,
  ApiKeyUsageDelta,
  PendingWrites,
  QueuedRequestLog,
} from '../write-behind/pending-writes';
import { accounts, apiKeys, requestLogs } from './schema';
import type { SqliteContext } from './sqlite-context';
import { translateError } from './translate-error';

/**
 * One prepared INSERT for request-log rows, built from the drizzle table so it follows the schema.
 * Building a multi-row INSERT through the query builder costs far more than SQLite does, and the
 * prepared statement in a transaction writes thousands of rows per millisecond-scale batch.
 */
function prepareRequestLogInsert(context: SqliteContext) {
  const columns = Object.entries(getTableColumns(requestLogs)).filter(([key]) => key !== 'id');
  const text = `INSERT INTO "request_logs" (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  // Prepared on first use: the table exists only once migrations have run.
  let statement: ReturnType<typeof context.connection.prepare> | undefined;
  return (row: QueuedRequestLog) => {
    const record = row as unknown as Record<string, unknown>;
    statement ??= context.connection.prepare(text);
    statement.run(
      columns.map(([key, column]) => {
        const value = record[key];
        return value == null ? null : column.mapToDriverValue(value);
      }),
    );
  };
}

/** Failures that say nothing about the rows themselves: the batch is kept and retried. */
const transientCodes = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|INTERRUPT)/;

function isTransient(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return transientCodes.test(code);
  }
  // No SQLite code: a value the driver cannot bind, which no retry will fix.
  return false;
}

/**
 * Writes one write-behind batch in a single transaction. If the database refuses a row (a
 * constraint, not a busy or full disk), the batch is written again item by item so one bad row
 * cannot block the queue forever; the refused items are dropped and reported.
 */
export function createSqliteBatchWriter(context: SqliteContext) {
  const insertRequestLog = prepareRequestLogInsert(context);
  const writeLogs = (rows: readonly QueuedRequestLog[]) => {
    for (const row of rows) insertRequestLog(row);
  };
  const placeholder = (name: string) => sql.placeholder(name);
  const startsNewDay = sql`(${apiKeys.requestsDay} is null or ${apiKeys.requestsDay} < ${placeholder('day')})`;
  // Prepared on first use (after migrations), then reused for every batch.
  let updateKeyUsage: { run: (values: Record<string, unknown>) => unknown } | undefined;
  let updateAccountUse: { run: (values: Record<string, unknown>) => unknown } | undefined;
  const writeKeyUsage = (delta: ApiKeyUsageDelta) => {
    updateKeyUsage ??= context.db
      .update(apiKeys)
      .set({
        totalRequests: sql`${apiKeys.totalRequests} + ${placeholder('requests')}`,
        totalInputTokens: sql`${apiKeys.totalInputTokens} + ${placeholder('inputTokens')}`,
        totalOutputTokens: sql`${apiKeys.totalOutputTokens} + ${placeholder('outputTokens')}`,
        requestsToday: sql`case when ${apiKeys.requestsDay} = ${placeholder('day')} then ${apiKeys.requestsToday} + ${placeholder('requests')} when ${startsNewDay} then ${placeholder('requests')} else ${apiKeys.requestsToday} end`,
        requestsDay: sql`case when ${startsNewDay} then ${placeholder('day')} else ${apiKeys.requestsDay} end`,
        lastUsedAt: sql`max(coalesce(${apiKeys.lastUsedAt}, 0), ${placeholder('lastUsedAt')})`,
      })
      .where(eq(apiKeys.id, placeholder('apiKeyId')))
      .prepare();
    updateKeyUsage.run({ ...delta });
  };
  const writeAccountUse = (delta: AccountUseDelta) => {
    updateAccountUse ??= context.db
      .update(accounts)
      .set({
        useCount: sql`${accounts.useCount} + ${placeholder('uses')}`,
        lastUsedAt: sql`max(coalesce(${accounts.lastUsedAt}, 0), ${placeholder('lastUsedAt')})`,
      })
      .where(eq(accounts.id, placeholder('accountId')))
      .prepare();
    updateAccountUse.run({ ...delta });
  };
  const keyUsageInDayOrder = (batch: PendingWrites) =>
    [...batch.apiKeyUsage].sort((left, right) => left.day.localeCompare(right.day));

  const writeWhole = context.connection.transaction((batch: PendingWrites) => {
    writeLogs(batch.requestLogs);
    for (const delta of keyUsageInDayOrder(batch)) writeKeyUsage(delta);
    for (const delta of batch.accountUses) writeAccountUse(delta);
  });

  const writeItemByItem = context.connection.transaction((batch: PendingWrites): number => {
    let refused = 0;
    const attempt = (work: () => void) => {
      try {
        // A nested transaction is a savepoint: a refused item rolls back alone.
        context.connection.transaction(work)();
      } catch (error) {
        if (isTransient(error)) throw error;
        refused += 1;
      }
    };
    for (const row of batch.requestLogs) attempt(() => writeLogs([row]));
    for (const delta of keyUsageInDayOrder(batch)) attempt(() => writeKeyUsage(delta));
    for (const delta of batch.accountUses) attempt(() => writeAccountUse(delta));
    return refused;
  });

  return (batch: PendingWrites): Promise<void> =>
    new Promise((resolve) => {
      if (context.isClosed()) throw new StorageError('closed', 'flush failed: storage is closed');
      try {
        writeWhole(batch);
      } catch (error) {
        if (isTransient(error)) throw translateError(error, 'flush');
        let refused: number;
        try {
          refused = writeItemByItem(batch);
        } catch (retryError) {
          throw translateError(retryError, 'flush');
        }
        context.reportError(
          new StorageError('query', `flush dropped ${refused} queued writes the database refused`, {
            cause: translateError(error, 'flush'),
          }),
        );
      }
      resolve();
    });
}
