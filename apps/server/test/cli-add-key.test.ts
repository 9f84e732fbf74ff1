import { join } from 'node:path';

import { startKiroSimulator } from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readEnv } from '../src/env';
import { openCore } from '../src/runtime/open-core';
import { captureLogs } from './helpers/log-capture';
import { runCli } from './helpers/run-cli';
import { tempDir } from './helpers/temp-dir';

const sim = await startKiroSimulator();
let dir: Awaited<ReturnType<typeof tempDir>>;
const saved = { ...process.env };

beforeAll(async () => {
  dir = await tempDir('cli-add-key');
  Object.assign(process.env, {
    OCTOPROXY_DATA_DIR: dir.path,
    OCTOPROXY_CONFIG: join(dir.path, 'none.json'),
    OCTOPROXY_ADMIN_PASSWORD: 'cli-admin-password',
    LOG_LEVEL: 'silent',
    OCTOPROXY_KIRO_API_URL: sim.apiUrl,
    OCTOPROXY_KIRO_AUTH_URL: sim.authUrl,
    OCTOPROXY_KIRO_OIDC_URL: sim.oidcUrl,
  });
});
afterAll(async () => {
  process.env = saved;
  await dir.remove();
  await sim.close();
});

const run = runCli;

describe('octoproxy accounts add-key', () => {
  it('adds a Kiro API key checked with Kiro, named by its e-mail, and refuses it twice', async () => {
    const account = sim.addAccount({ authMethod: 'api-key', email: 'cli-key@example.com' });
    expect(await run('accounts', 'add-key', account.apiKey!)).toMatch(
      /^Added cli-key@example\.com \(.+\), plan KIRO PRO\.\n$/,
    );
    await expect(run('accounts', 'add-key', account.apiKey!)).rejects.toThrow(
      /already in the pool/,
    );
    await expect(run('accounts', 'add-key', 'ksk_unknown')).rejects.toThrow(/did not accept/);
    const core = await openCore({ env: readEnv(), fileConfig: {}, logger: captureLogs().logger });
    try {
      const stored = await core.storage.accounts.listAll();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ authMethod: 'api-key', email: 'cli-key@example.com' });
    } finally {
      await core.storage.close();
    }
  });
});
