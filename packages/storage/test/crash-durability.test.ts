import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/index';
import { makeTempDir } from './support/temp-storage';

const writer = path.join(import.meta.dirname, 'support/crash-writer.ts');

interface CrashOutcome {
  keyId: string;
  accountId: string;
  committedBatches: number[];
  committedSettings: number[];
}

/** Runs the writer until it has reported `batchesBeforeKill` batches, then SIGKILLs it mid-burst. */
function runAndKill(file: string, batchesBeforeKill: number): Promise<CrashOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], {
      cwd: path.join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const outcome: CrashOutcome = {
      keyId: '',
      accountId: '',
      committedBatches: [],
      committedSettings: [],
    };
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [kind, first, second] = line.split(' ');
      if (kind === 'ready') {
        outcome.keyId = first ?? '';
        outcome.accountId = second ?? '';
      } else if (kind === 'batch') {
        outcome.committedBatches.push(Number(first));
        if (outcome.committedBatches.length === batchesBeforeKill) child.kill('SIGKILL');
      } else if (kind === 'setting') {
        outcome.committedSettings.push(Number(first));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(outcome);
      else reject(new Error(`writer exited on its own (code ${String(code)}): ${stderr}`));
    });
  });
}

describe('a process killed with SIGKILL during a write burst', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it.each([7, 23, 61])(
    'leaves a sound database holding every committed write (killed after %i batches)',
    async (batchesBeforeKill) => {
      const file = path.join(temp.dir, `crash-${batchesBeforeKill}.db`);
      const outcome = await runAndKill(file, batchesBeforeKill);
      expect(outcome.committedBatches.length).toBeGreaterThanOrEqual(batchesBeforeKill);

      const storage = await openDatabase({ path: file });
      try {
        expect(await storage.checkIntegrity()).toEqual(['ok']);
        const logs = await storage.requestLogs.list({ limit: 1, apiKeyId: outcome.keyId });
        const rowsPerBatch = 50;
        // Every reported batch is there; batches are all-or-nothing.
        const lastReported = Math.max(...outcome.committedBatches);
        expect(logs.total % rowsPerBatch).toBe(0);
        expect(logs.total).toBeGreaterThanOrEqual((lastReported + 1) * rowsPerBatch);
        const rows = new Database(file, { readonly: true });
        const perBatch = new Map<number, number>();
        for (const { requestId } of rows
          .prepare('SELECT request_id AS requestId FROM request_logs')
          .all() as { requestId: string }[]) {
          const batch = Number(requestId.split(':')[0]);
          perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
        }
        rows.close();
        for (const batch of outcome.committedBatches)
          expect(perBatch.get(batch)).toBe(rowsPerBatch);
        expect([...perBatch.values()].every((count) => count === rowsPerBatch)).toBe(true);
        // Counters were committed in the same transactions as the rows they count.
        expect(await storage.apiKeys.get(outcome.keyId)).toMatchObject({
          totalRequests: logs.total,
          totalInputTokens: logs.total,
        });
        expect((await storage.accounts.get(outcome.accountId))?.useCount).toBe(logs.total);
        const settings = await storage.settings.getAll();
        for (const batch of outcome.committedSettings) {
          expect(settings[`setting-${batch}`]).toEqual({ batch });
        }
      } finally {
        await storage.close();
      }
    },
    60_000,
  );
});
