// A child process for the crash test: writes batches as fast as it can and reports each one on
// stdout only after it is committed, until the parent kills it with SIGKILL.
// Usage: node --import tsx test/support/crash-writer.ts <database file>
import { openDatabase } from '../../src/index';

const rowsPerBatch = 50;
const file = process.argv[2];
if (!file) throw new Error('usage: crash-writer <database file>');

const storage = await openDatabase({ path: file, writeBehind: { flushIntervalMs: 60_000 } });
const owner = await storage.users.create({ username: 'owner', role: 'admin', passwordHash: 'h' });
const key = await storage.apiKeys.create({
  keyHash: 'crash-key',
  displayPrefix: 'sk-',
  last4: '0000',
  name: 'crash',
  userId: owner.id,
});
const account = await storage.accounts.create({
  name: 'crash',
  authMethod: 'social',
  region: 'us-east-1',
  encryptedCredentials: 'sealed',
});
// Pipes are written synchronously on Linux: once write() returns, the line survives SIGKILL.
process.stdout.write(`ready ${key.id} ${account.id}\n`);

for (let batch = 0; ; batch += 1) {
  for (let row = 0; row < rowsPerBatch; row += 1) {
    storage.requestLogs.append({
      requestId: `${batch}:${row}`,
      apiKeyId: key.id,
      accountId: account.id,
      route: '/v1/messages',
      stream: true,
      status: 200,
      latencyMs: row,
      userAgent: 'x'.repeat(200),
    });
    storage.apiKeys.recordUsage({ apiKeyId: key.id, inputTokens: 1 });
    storage.accounts.recordUse({ accountId: account.id });
  }
  await storage.flush();
  process.stdout.write(`batch ${batch}\n`);
  if (batch % 5 === 0) {
    await storage.settings.set(`setting-${batch}`, { batch });
    process.stdout.write(`setting ${batch}\n`);
  }
}
