import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { scanLocalTokens } from './local-token-scan';

const now = Date.parse('2026-06-01T00:00:00Z');
const token = (refreshToken: string) =>
  JSON.stringify({ refreshToken, authMethod: 'social', provider: 'Google' });

describe('scanLocalTokens', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'octoproxy-scan-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('says when there is no home folder to scan', async () => {
    const scan = await scanLocalTokens({ homeDir: join(home, 'missing'), now });
    expect(scan).toMatchObject({ available: false, files: [] });
    expect(scan.reason).toMatch(/does not exist/);
  });

  it('looks three levels deep in the known folders only, at JSON files up to 1 MB', async () => {
    const kiro = join(home, '.kiro');
    await mkdir(join(kiro, 'a/b/c'), { recursive: true });
    await writeFile(join(kiro, 'top.json'), token('r-top'));
    await writeFile(join(kiro, 'a/b/deep.json'), token('r-deep'));
    await writeFile(join(kiro, 'a/b/c/too-deep.json'), token('r-too-deep'));
    await writeFile(join(kiro, 'a/notes.txt'), token('r-txt'));
    await writeFile(
      join(kiro, 'big.json'),
      `${token('r-big').slice(0, -1)},"pad":"${'x'.repeat(1_100_000)}"}`,
    );
    await mkdir(join(home, 'elsewhere'));
    await writeFile(join(home, 'elsewhere/kiro-auth-token.json'), token('r-elsewhere'));
    const scan = await scanLocalTokens({ homeDir: home, now });
    expect(scan.files.map((file) => file.path).sort()).toEqual(
      [join(kiro, 'a/b/deep.json'), join(kiro, 'top.json')].sort(),
    );
    expect(scan.candidates.every((candidate) => candidate.account !== undefined)).toBe(true);
  });

  it('reports a kiro-cli database it cannot read', async () => {
    const database = join(home, '.local/share/kiro-cli/data.sqlite3');
    await mkdir(join(home, '.local/share/kiro-cli'), { recursive: true });
    await writeFile(database, 'not a database');
    const scan = await scanLocalTokens({ homeDir: home, now });
    expect(scan.files).toEqual([
      expect.objectContaining({
        path: database,
        usable: false,
        problem: expect.stringMatching(/cannot be read/),
      }),
    ]);
  });
});
