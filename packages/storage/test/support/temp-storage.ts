import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openDatabase, type OpenDatabaseOptions, type Storage } from '../../src/index';

/** A clock the test moves by hand. Starts at 2026-01-15T12:00:00Z. */
export class FakeClock {
  now = Date.UTC(2026, 0, 15, 12, 0, 0);
  readonly read = (): number => this.now;

  advance(milliseconds: number): void {
    this.now += milliseconds;
  }
}

/** A fresh folder under the OS temp dir, removed by the returned function. */
export function makeTempDir(prefix = 'octoproxy-storage-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TempStorage {
  storage: Storage;
  clock: FakeClock;
  dir: string;
  path: string;
  backgroundErrors: unknown[];
  /** Closes the storage (if still open) and removes the folder. */
  dispose: () => Promise<void>;
}

/** A real SQLite file in a temp folder, with a fake clock and a long flush interval. */
export async function openTempStorage(
  options: Partial<OpenDatabaseOptions> = {},
): Promise<TempStorage> {
  const { dir, remove } = makeTempDir();
  const clock = new FakeClock();
  const backgroundErrors: unknown[] = [];
  const file = path.join(dir, 'octo-proxy.db');
  const storage = await openDatabase({
    path: file,
    clock: clock.read,
    writeBehind: { flushIntervalMs: 60_000 },
    onBackgroundError: (error) => backgroundErrors.push(error),
    ...options,
  });
  return {
    storage,
    clock,
    dir,
    path: file,
    backgroundErrors,
    dispose: async () => {
      await storage.close().catch(() => undefined);
      remove();
    },
  };
}
