import { existsSync } from 'node:fs';
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { databaseFileName } from '../src/runtime/open-core';
import { scriptedBackend, scriptedUpstream, textAnswer } from './helpers/scripted-upstream';
import { tempDir } from './helpers/temp-dir';
import { openTestApp } from './helpers/test-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

async function openIn(dataDir: string) {
  const app = await openTestApp({
    upstream: scriptedUpstream(scriptedBackend({ events: () => textAnswer('ok') })),
    dataDir,
  });
  cleanups.push(() => app.core.storage.close());
  // A write, so SQLite has its WAL and shared-memory files on disk.
  await app.core.settings.update({ logLevel: 'warn' });
  await app.core.storage.flush();
  return app;
}

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates the folder 0700 and the database and its WAL files 0600', async () => {
    const parent = await tempDir('perms');
    cleanups.push(() => parent.remove());
    const dataDir = join(parent.path, 'data');
    await openIn(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    const database = join(dataDir, databaseFileName);
    expect(existsSync(`${database}-wal`)).toBe(true);
    for (const file of [database, `${database}-wal`, `${database}-shm`]) {
      expect(await modeOf(file), file).toBe(0o600);
    }
  });

  it('tightens a folder and database an earlier version left readable by others', async () => {
    const parent = await tempDir('perms-old');
    cleanups.push(() => parent.remove());
    const dataDir = join(parent.path, 'data');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    const database = join(dataDir, databaseFileName);
    await writeFile(database, '', { mode: 0o644 });
    await chmod(database, 0o644);
    await openIn(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(database)).toBe(0o600);
    expect(await modeOf(`${database}-wal`)).toBe(0o600);
  });
});
