import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase, type Storage } from '../src/index';
import { makeTempDir } from './support/temp-storage';

describe('externalChanges', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  let storage: Storage;

  beforeEach(async () => {
    temp = makeTempDir();
    file = path.join(temp.dir, 'octo-proxy.db');
    storage = await openDatabase({ path: file });
  });
  afterEach(async () => {
    await storage.close();
    temp.remove();
  });

  it('stays put for this storage’s own writes and moves when another connection commits', async () => {
    const before = await storage.externalChanges();
    await storage.accounts.create({
      name: 'own',
      authMethod: 'social',
      region: 'us-east-1',
      encryptedCredentials: 'sealed',
    });
    expect(await storage.externalChanges()).toBe(before);

    const other = await openDatabase({ path: file });
    await other.accounts.create({
      name: 'other connection',
      authMethod: 'social',
      region: 'us-east-1',
      encryptedCredentials: 'sealed',
    });
    await other.close();
    const afterConnection = await storage.externalChanges();
    expect(afterConnection).not.toBe(before);
    expect(await storage.externalChanges()).toBe(afterConnection);
  });

  it('moves when another process commits', async () => {
    const before = await storage.externalChanges();
    const script = `
      import { openDatabase } from './src/index.ts';
      const storage = await openDatabase({ path: process.argv[1] });
      await storage.accounts.create({
        name: 'other process', authMethod: 'social', region: 'us-east-1', encryptedCredentials: 'sealed',
      });
      await storage.close();
    `;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, file],
      { cwd: path.join(import.meta.dirname, '..'), encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(await storage.externalChanges()).not.toBe(before);
    expect((await storage.accounts.listAll()).map((account) => account.name)).toEqual([
      'other process',
    ]);
  });

  it('refuses after close', async () => {
    await storage.close();
    await expect(storage.externalChanges()).rejects.toMatchObject({ code: 'closed' });
  });
});
