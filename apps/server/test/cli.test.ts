import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startKiroSimulator } from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { buildCli } from '../src/cli/build-cli';
import { readEnv } from '../src/env';
import { openCore } from '../src/runtime/open-core';
import { captureLogs } from './helpers/log-capture';
import { tempDir } from './helpers/temp-dir';

let dir: Awaited<ReturnType<typeof tempDir>>;
const saved = { ...process.env };

beforeAll(async () => {
  dir = await tempDir('cli');
  process.env.OCTOPROXY_DATA_DIR = dir.path;
  process.env.OCTOPROXY_CONFIG = join(dir.path, 'none.json');
  process.env.OCTOPROXY_ADMIN_PASSWORD = 'cli-admin-password';
  process.env.LOG_LEVEL = 'silent';
});
afterAll(async () => {
  process.env = saved;
  await dir.remove();
});

async function run(...args: string[]): Promise<string> {
  const output: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output.push(String(chunk));
    return true;
  });
  try {
    await buildCli({ exitOverride: true }).parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return output.join('');
}

async function withStorage<T>(use: (core: Awaited<ReturnType<typeof openCore>>) => Promise<T>) {
  const core = await openCore({ env: readEnv(), fileConfig: {}, logger: captureLogs().logger });
  try {
    return await use(core);
  } finally {
    await core.storage.close();
  }
}

describe('octoproxy CLI', () => {
  it('creates an API key and prints it once', async () => {
    const key = (await run('keys', 'create', '--name', 'ci', '--daily-limit', '10')).trim();
    expect(key).toMatch(/^sk-octo-[0-9A-Za-z]+$/);
    const keys = await withStorage((core) => core.storage.apiKeys.list({}));
    expect(keys.items[0]).toMatchObject({
      name: 'ci',
      dailyRequestLimit: 10,
      last4: key.slice(-4),
    });
  });

  it('resets a password, printing a generated one that must be changed', async () => {
    const output = await run('admin', 'reset-password');
    const password = /New password for admin: (\S+)/.exec(output)![1]!;
    const result = await withStorage((core) => core.login.login({ username: 'admin', password }));
    expect(result.user.mustChangePassword).toBe(true);
    await run('admin', 'reset-password', '--password', 'chosen-password-1');
    const chosen = await withStorage((core) =>
      core.login.login({ username: 'admin', password: 'chosen-password-1' }),
    );
    expect(chosen.user.mustChangePassword).toBe(false);
  });

  it('imports Kiro token files, each checked with Kiro', async () => {
    const sim = await startKiroSimulator();
    const simulatorEnv = {
      OCTOPROXY_KIRO_API_URL: sim.apiUrl,
      OCTOPROXY_KIRO_AUTH_URL: sim.authUrl,
      OCTOPROXY_KIRO_OIDC_URL: sim.oidcUrl,
    };
    Object.assign(process.env, simulatorEnv);
    try {
      const social = sim.addAccount({ authMethod: 'social' });
      const idc = sim.addAccount({ authMethod: 'idc' });
      const file = join(dir.path, 'tokens.json');
      await writeFile(file, JSON.stringify([social.tokenFile, idc.credentials]));
      expect(await run('accounts', 'import', file)).toContain('Imported 2 accounts.');
      const accounts = await withStorage((core) => core.storage.accounts.listAll());
      expect(accounts.map((account) => account.authMethod)).toEqual(['social', 'idc']);
      expect(accounts.map((account) => account.email)).toEqual([social.email, idc.email]);
    } finally {
      for (const name of Object.keys(simulatorEnv)) delete process.env[name];
      await sim.close();
    }
  });

  it('backs the database up to a file that opens', async () => {
    const destination = join(dir.path, 'backup.db');
    expect((await run('backup', '--out', destination)).trim()).toBe(destination);
    expect((await stat(destination)).size).toBeGreaterThan(4096);
    expect((await readFile(destination)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('has help on every command', async () => {
    const commands = [
      [],
      ['start'],
      ['demo'],
      ['keys', 'create'],
      ['accounts', 'import'],
      ['admin', 'reset-password'],
      ['backup'],
    ];
    for (const command of commands) {
      const output: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        output.push(String(chunk));
        return true;
      });
      const error = await buildCli({ exitOverride: true })
        .parseAsync([...command, '--help'], { from: 'user' })
        .catch((caught: unknown) => caught);
      spy.mockRestore();
      expect((error as { exitCode?: number }).exitCode).toBe(0);
      expect(output.join('')).toContain(`Usage: octoproxy ${command.join(' ')}`.trim());
    }
  });
});
