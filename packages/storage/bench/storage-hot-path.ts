// Measures the storage work on a proxied request's path and behind it, on a real file:
// queueing (what a request pays), one flush of a full batch (what the event loop pays per batch),
// the lookups done on every request (API key and its owner, account and its credentials, admin
// session), and a dashboard aggregation.
// Usage: pnpm --filter @octoproxy/storage bench
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openDatabase } from '../src/index';

const batchSize = 500;
const rounds = 20;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

const dir = mkdtempSync(path.join(tmpdir(), 'octoproxy-storage-bench-'));
const storage = await openDatabase({
  path: path.join(dir, 'bench.db'),
  writeBehind: { flushIntervalMs: 3_600_000, maxBatchSize: 1_000_000 },
});
try {
  const owner = await storage.users.create({
    username: 'owner',
    role: 'user',
    passwordHash: 'hash',
  });
  const session = await storage.sessions.create({
    tokenHash: 'session-hash',
    userId: owner.id,
    expiresAt: Date.now() + 3_600_000,
    idleExpiresAt: Date.now() + 3_600_000,
  });
  const keys = await Promise.all(
    Array.from({ length: 20 }, (_, index) =>
      storage.apiKeys.create({
        keyHash: `hash-${index}`,
        displayPrefix: 'sk-',
        last4: '0000',
        name: `k${index}`,
      }),
    ),
  );
  const account = await storage.accounts.create({
    name: 'bench',
    authMethod: 'social',
    region: 'us-east-1',
    encryptedCredentials: 'sealed',
  });

  const enqueueMicros: number[] = [];
  const flushMillis: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let index = 0; index < batchSize; index += 1) {
      const key = keys[index % keys.length]!;
      storage.requestLogs.append({
        apiKeyId: key.id,
        accountId: account.id,
        route: '/v1/messages',
        modelRequested: 'claude-sonnet-4.5',
        stream: true,
        status: 200,
        inputTokens: 1200,
        outputTokens: 300,
        latencyMs: 800 + index,
        firstByteMs: 300,
        userAgent: 'claude-cli/2.1 (external, cli)',
      });
      storage.apiKeys.recordUsage({ apiKeyId: key.id, inputTokens: 1200, outputTokens: 300 });
      storage.accounts.recordUse({ accountId: account.id });
    }
    enqueueMicros.push(((performance.now() - started) * 1000) / batchSize);
    const flushStarted = performance.now();
    await storage.flush();
    flushMillis.push(performance.now() - flushStarted);
  }

  const lookups = 20_000;
  const microsPerCall = async (call: (index: number) => Promise<unknown>): Promise<number> => {
    for (let index = 0; index < 1000; index += 1) await call(index);
    const started = performance.now();
    for (let index = 0; index < lookups; index += 1) await call(index);
    return ((performance.now() - started) * 1000) / lookups;
  };
  const lookupMicros = {
    apiKeyByHash: await microsPerCall((index) =>
      storage.apiKeys.getByHash(`hash-${index % keys.length}`),
    ),
    user: await microsPerCall(() => storage.users.get(owner.id)),
    account: await microsPerCall(() => storage.accounts.get(account.id)),
    accountCredentials: await microsPerCall(() =>
      storage.accounts.getEncryptedCredentials(account.id),
    ),
    sessionByTokenHash: await microsPerCall(() => storage.sessions.findByTokenHash('session-hash')),
  };
  void session;

  const seriesStarted = performance.now();
  await storage.usageStats.series({
    from: 0,
    to: Date.now() + 1,
    bucket: 'hour',
    groupBy: 'apiKey',
  });
  const seriesMillis = performance.now() - seriesStarted;

  const report = {
    rows: batchSize * rounds,
    enqueueMicrosPerRequest: {
      p50: percentile(enqueueMicros, 0.5),
      p95: percentile(enqueueMicros, 0.95),
    },
    flushMillisPer500RowBatch: {
      // The minimum is the cost without scheduling noise from other processes on the machine.
      min: Math.min(...flushMillis),
      p50: percentile(flushMillis, 0.5),
      p95: percentile(flushMillis, 0.95),
    },
    lookupMicros,
    hourlySeriesByKeyMillis: seriesMillis,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
