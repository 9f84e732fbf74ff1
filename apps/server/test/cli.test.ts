import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { startKiroSimulator } from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { buildCli } from '../src/cli/build-cli';
import { readEnv } from '../src/env';
import { openCore } from '../src/runtime/open-core';
import { captureLogs } from './helpers/log-capture';
import { runCli } from './helpers/run-cli';
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

const run = runCli;

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

  it('scans this machine, exports a bundle and imports it into another data folder', async () => {
    const sim = await startKiroSimulator();
    const home = join(dir.path, 'home');
    const otherData = join(dir.path, 'other-data');
    const simulatorEnv = {
      OCTOPROXY_KIRO_API_URL: sim.apiUrl,
      OCTOPROXY_KIRO_AUTH_URL: sim.authUrl,
      OCTOPROXY_KIRO_OIDC_URL: sim.oidcUrl,
      HOME: home,
    };
    Object.assign(process.env, simulatorEnv);
    try {
      const idc = sim.addAccount({ authMethod: 'idc', ssoRegion: 'eu-west-1' });
      const cache = join(home, '.aws/sso/cache');
      await mkdir(cache, { recursive: true });
      await writeFile(join(cache, 'kiro-auth-token.json'), JSON.stringify(idc.tokenFile));
      await writeFile(
        join(cache, `${idc.tokenFile.clientIdHash}.json`),
        JSON.stringify(idc.clientRegistration),
      );
      const scan = await run('accounts', 'scan');
      expect(scan).toContain(`usable\tkiro-token\tidc\teu-west-1`);
      expect(scan).not.toContain(idc.credentials.refreshToken);
      expect(await run('accounts', 'scan', '--import')).toContain('Imported 1 account.');
      expect(await run('accounts', 'scan', '--import')).toContain('duplicate');

      const passphraseFile = join(dir.path, 'passphrase.txt');
      await writeFile(passphraseFile, 'correct horse battery staple\n', { mode: 0o600 });
      const bundleFile = join(dir.path, 'accounts.bundle.json');
      // Only this simulator's account: the others came from a simulator that has closed.
      const scanned = (await withStorage((core) => core.storage.accounts.listAll())).filter(
        (account) => account.ssoRegion === 'eu-west-1',
      );
      expect(scanned).toHaveLength(1);
      await run(
        'accounts',
        'export',
        '--out',
        bundleFile,
        '--passphrase-file',
        passphraseFile,
        '--ids',
        scanned[0]!.id,
      );
      expect((await stat(bundleFile)).mode & 0o777).toBe(0o600);
      const bundleText = await readFile(bundleFile, 'utf8');
      expect(JSON.parse(bundleText)).toMatchObject({ format: 'octoproxy-accounts', version: 1 });
      expect(bundleText).not.toContain(idc.credentials.clientSecret);

      process.env.OCTOPROXY_DATA_DIR = otherData;
      await mkdir(otherData, { recursive: true });
      process.env.OCTOPROXY_BUNDLE_PASSPHRASE = 'not the passphrase';
      await expect(run('accounts', 'import', bundleFile)).rejects.toThrow(/passphrase is wrong/);
      process.env.OCTOPROXY_BUNDLE_PASSPHRASE = 'correct horse battery staple';
      const imported = await run('accounts', 'import', bundleFile);
      expect(imported).toContain('Imported 1 account.');
      const copied = await withStorage((core) => core.storage.accounts.listAll());
      const shape = (account: (typeof scanned)[number]) => [
        account.name,
        account.authMethod,
        account.region,
        account.ssoRegion,
        account.startUrl,
        account.profileArn,
      ];
      expect(copied.map(shape)).toEqual(scanned.map(shape));
    } finally {
      for (const name of Object.keys(simulatorEnv)) delete process.env[name];
      delete process.env.OCTOPROXY_BUNDLE_PASSPHRASE;
      process.env.OCTOPROXY_DATA_DIR = dir.path;
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
      ['accounts', 'scan'],
      ['accounts', 'export'],
      ['migrate-from'],
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
