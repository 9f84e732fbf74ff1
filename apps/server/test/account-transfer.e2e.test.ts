import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { SimulatedAccount } from '@octoproxy/kiro-simulator';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';
import { killRunningProcessGroups, runInProcessGroup } from './helpers/run-in-process-group';
import { tempDir } from './helpers/temp-dir';

/** A parsed response body the assertions walk freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions check the shape
type Json = any;

const passphrase = 'a long and memorable passphrase';
const serverRoot = join(import.meta.dirname, '..');

let first: E2E;
let home: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  home = await tempDir('home');
  first = await startE2E({ accounts: 1, env: { HOME: home.path } });
});
afterAll(async () => {
  killRunningProcessGroups();
  await first.close();
  await home.remove();
});

async function providers(e2e: E2E): Promise<Json[]> {
  return ((await e2e.admin('GET', '/api/providers')).body as Json).providers as Json[];
}

/** Every secret of a simulated account, to prove none of them leaks into an answer. */
function secretsOf(account: SimulatedAccount): string[] {
  return [
    account.credentials.accessToken,
    account.credentials.refreshToken,
    account.credentials.clientSecret,
  ].filter((value): value is string => typeof value === 'string');
}

/** Serves one request with only `accountId` enabled: proves that account works on its own. */
async function serveThrough(e2e: E2E, accountId: string): Promise<void> {
  const all = await providers(e2e);
  for (const provider of all) {
    await e2e.admin('PUT', `/api/providers/${provider.id}`, {
      isDisabled: provider.id !== accountId,
    });
  }
  const response = await fetch(`${e2e.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': e2e.apiKey },
    body: JSON.stringify({
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hello' }],
    }),
  });
  const body = await response.text();
  expect(response.status, `${accountId}: ${body}`).toBe(200);
  for (const provider of all) {
    await e2e.admin('PUT', `/api/providers/${provider.id}`, { isDisabled: false });
  }
}

function byStatus(results: Json[]): Record<string, string> {
  return Object.fromEntries(
    results.map((result): [string, string] => [result.source as string, result.status as string]),
  );
}

describe('account import and export', () => {
  it('imports token files of every kind, with one result per account found', async () => {
    const { sim } = first;
    const idc = sim.addAccount({
      authMethod: 'idc',
      ssoRegion: 'eu-west-1',
      region: 'eu-central-1',
      startUrl: 'https://acme.awsapps.com/start',
    });
    const builderWithoutCompanion = sim.addAccount({ authMethod: 'builder-id' });
    const github = sim.addAccount({ authMethod: 'social', provider: 'Github' });
    const cliBuilder = sim.addAccount({ authMethod: 'builder-id' });
    const fromOriginal = sim.addAccount({ authMethod: 'social' });
    const existing = sim.account(first.accounts[0]!.id);
    const json = (value: unknown) => JSON.stringify(value);
    const files = [
      { name: 'kiro-auth-token.json', content: json(idc.tokenFile) },
      { name: `${idc.tokenFile.clientIdHash}.json`, content: json(idc.clientRegistration) },
      { name: 'builder.json', content: json(builderWithoutCompanion.tokenFile) },
      {
        name: 'aws-cli-sso.json',
        content: json({
          startUrl: 'https://acme.awsapps.com/start',
          region: 'us-east-1',
          accessToken: 'aws-cli-access',
          refreshToken: 'aws-cli-refresh',
          expiresAt: '2030-01-01T00:00:00Z',
          clientId: 'c',
          clientSecret: 's',
        }),
      },
      { name: 'list.json', content: json([github.tokenFile, github.tokenFile]) },
      { name: 'existing.json', content: json(existing.tokenFile) },
      {
        name: 'kiro-cli.json',
        content: json({
          access_token: cliBuilder.credentials.accessToken,
          refresh_token: cliBuilder.credentials.refreshToken,
          // kiro-cli writes nanoseconds.
          expires_at: cliBuilder.credentials.expiresAt.replace('Z', '456789Z'),
          region: 'us-east-1',
          start_url: 'https://view.awsapps.com/start',
          client_id: cliBuilder.credentials.clientId,
          client_secret: cliBuilder.credentials.clientSecret,
        }),
      },
      {
        name: 'octoproxy-export.json',
        content: json({
          version: '1.0',
          exportedAt: '2026-01-01T00:00:00.000Z',
          count: 1,
          providers: [
            {
              name: 'From the original',
              region: 'us-east-1',
              credentials: json({ ...fromOriginal.tokenFile, authMethod: 'social' }),
              account_email: fromOriginal.email,
              check_health: 0,
              check_model_name: null,
              is_disabled: 0,
            },
          ],
        }),
      },
      { name: 'notes.txt', content: 'not json' },
    ];

    const response = await first.admin('POST', '/api/providers/import-files', { files });
    expect(response.status).toBe(200);
    const results = (response.body as Json).results as Json[];
    expect(byStatus(results)).toEqual({
      'kiro-auth-token.json': 'created',
      'builder.json': 'invalid',
      'aws-cli-sso.json': 'invalid',
      'list.json[0]': 'created',
      'list.json[1]': 'duplicate',
      'existing.json': 'duplicate',
      'kiro-cli.json': 'created',
      'octoproxy-export.json[0]': 'created',
      'notes.txt': 'invalid',
    });
    const result = (source: string): Json => results.find((entry) => entry.source === source);
    expect(result('builder.json').error).toMatch(/client registration .*missing/);
    expect(result('aws-cli-sso.json').error).toMatch(/Not a Kiro token/);
    expect(result('list.json[1]').duplicateOf).toBe(result('list.json[0]').accountId);
    expect(result('existing.json').duplicateOf).toBe((await providers(first))[0].id);
    const text = JSON.stringify(response.body);
    for (const account of [idc, github, cliBuilder, fromOriginal]) {
      for (const secret of secretsOf(account)) expect(text).not.toContain(secret);
    }

    const stored = await providers(first);
    const idcRow = stored.find((row) => row.id === result('kiro-auth-token.json').accountId);
    // The token file's region is the SSO region; the API region came from the profile lookup.
    expect(idcRow).toMatchObject({
      name: idc.email,
      authMethod: 'idc',
      provider: 'Enterprise',
      region: 'eu-central-1',
      ssoRegion: 'eu-west-1',
      email: idc.email,
    });
    expect(stored.find((row) => row.name === 'From the original')).toMatchObject({
      authMethod: 'social',
      email: fromOriginal.email,
      checkHealth: false,
    });
    expect(stored.find((row) => row.id === result('kiro-cli.json').accountId)).toMatchObject({
      authMethod: 'builder-id',
      ssoRegion: 'us-east-1',
    });
    await serveThrough(first, idcRow.id);
    await serveThrough(first, result('kiro-cli.json').accountId);
  });

  it("keeps an IdC file's region as the SSO region in the all-or-nothing import too", async () => {
    const idc = first.sim.addAccount({ authMethod: 'idc', ssoRegion: 'eu-west-1' });
    const response = await first.admin('POST', '/api/providers/import', {
      tokens: [idc.credentials],
    });
    expect(response.status).toBe(201);
    expect((response.body as Json).providers[0]).toMatchObject({
      authMethod: 'idc',
      region: 'eu-central-1',
      ssoRegion: 'eu-west-1',
    });
    await first.admin('DELETE', `/api/providers/${(response.body as Json).providers[0].id}`);
  });

  it('replaces the credentials of a known account when asked to', async () => {
    const account = first.sim.addAccount({ authMethod: 'social' });
    const file = { name: 'again.json', content: JSON.stringify(account.tokenFile) };
    const created = await first.admin('POST', '/api/providers/import-files', { files: [file] });
    const id = (created.body as Json).results[0].accountId as string;
    // The import refreshed (and so rotated) the token: the simulator has the newest one.
    const newest = {
      name: 'again.json',
      content: JSON.stringify(first.sim.account(account.id).tokenFile),
    };
    // The file's own token is dead now (rotated), yet the file is recognised.
    const skipped = await first.admin('POST', '/api/providers/import-files', { files: [file] });
    expect((skipped.body as Json).results[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: id,
    });
    const updated = await first.admin('POST', '/api/providers/import-files', {
      files: [newest],
      onDuplicate: 'update',
    });
    expect((updated.body as Json).results[0]).toMatchObject({ status: 'updated', accountId: id });
    await serveThrough(first, id);
  });

  it('lists the logins on the server’s machine without secrets, and imports the usable ones', async () => {
    const { sim } = first;
    const idc = sim.addAccount({ authMethod: 'idc' });
    const cliSocial = sim.addAccount({ authMethod: 'social' });
    const cache = join(home.path, '.aws/sso/cache');
    await mkdir(cache, { recursive: true });
    await writeFile(join(cache, 'kiro-auth-token.json'), JSON.stringify(idc.tokenFile));
    await writeFile(
      join(cache, `${idc.tokenFile.clientIdHash}.json`),
      JSON.stringify(idc.clientRegistration),
    );
    await writeFile(
      join(cache, '0123abcd.json'),
      JSON.stringify({
        startUrl: 'https://acme.awsapps.com/start',
        region: 'us-east-1',
        accessToken: 'aws-cli-access',
        expiresAt: '2030-01-01T00:00:00Z',
      }),
    );
    const database = join(home.path, '.local/share/kiro-cli/data.sqlite3');
    await mkdir(dirname(database), { recursive: true });
    const db = new Database(database);
    db.exec('CREATE TABLE auth_kv (key TEXT PRIMARY KEY, value TEXT)');
    db.exec('CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT)');
    db.prepare('INSERT INTO auth_kv VALUES (?, ?)').run(
      'kirocli:social:token',
      JSON.stringify({
        access_token: cliSocial.credentials.accessToken,
        refresh_token: cliSocial.credentials.refreshToken,
        expires_at: cliSocial.credentials.expiresAt,
      }),
    );
    db.prepare('INSERT INTO state VALUES (?, ?)').run(
      'api.codewhisperer.profile',
      JSON.stringify({ arn: cliSocial.profileArn }),
    );
    db.close();

    const scan = await first.admin('GET', '/api/providers/local-tokens');
    expect(scan.status).toBe(200);
    const body = scan.body as Json;
    expect(body.available).toBe(true);
    const files = body.files as Json[];
    const tokenPath = join(cache, 'kiro-auth-token.json');
    expect(files.find((file) => file.path === tokenPath)).toMatchObject({
      kind: 'kiro-token',
      authMethod: 'idc',
      region: 'us-east-2',
      usable: true,
      problem: null,
    });
    expect(files.find((file) => file.path === join(cache, '0123abcd.json'))).toMatchObject({
      kind: 'aws-sso-token',
      usable: false,
      problem: expect.stringMatching(/Not a Kiro token/),
    });
    expect(files.find((file) => file.path === `${database}#kirocli:social:token`)).toMatchObject({
      kind: 'kiro-cli-token',
      authMethod: 'social',
      usable: true,
    });
    expect(files.some((file) => file.path.endsWith(`${idc.tokenFile.clientIdHash}.json`))).toBe(
      false,
    );
    for (const secret of [...secretsOf(idc), ...secretsOf(cliSocial)]) {
      expect(JSON.stringify(body)).not.toContain(secret);
    }

    const imported = await first.admin('POST', '/api/providers/local-tokens/import', {});
    expect(byStatus((imported.body as Json).results)).toEqual({
      [tokenPath]: 'created',
      [`${database}#kirocli:social:token`]: 'created',
    });
    const unknownPath = await first.admin('POST', '/api/providers/local-tokens/import', {
      paths: ['/nowhere.json'],
    });
    expect((unknownPath.body as Json).results[0]).toMatchObject({ status: 'invalid' });
  });

  it('exports an encrypted bundle that another data folder imports whole', async () => {
    const before = await providers(first);
    const exported = await first.admin('POST', '/api/providers/export', { passphrase });
    expect(exported.status).toBe(200);
    const bundle = exported.body as Json;
    expect(bundle).toMatchObject({ format: 'octoproxy-accounts', version: 1 });
    for (const account of first.sim.accounts()) {
      for (const secret of secretsOf(account)) expect(JSON.stringify(bundle)).not.toContain(secret);
    }
    expect(
      (await first.admin('POST', '/api/providers/export', { passphrase: 'short' })).status,
    ).toBe(400);

    const second = await startE2E({ accounts: 0, sim: first.sim });
    try {
      const wrong = await second.admin('POST', '/api/providers/import-bundle', {
        bundle,
        passphrase: `${passphrase}!`,
      });
      expect(wrong.status).toBe(400);
      expect((wrong.body as Json).error.message).toMatch(/passphrase is wrong/);
      const bytes = Buffer.from(bundle.data as string, 'base64url');
      bytes[10] = bytes[10]! ^ 0x01;
      const tampered = { ...bundle, data: bytes.toString('base64url') };
      expect(
        (
          await second.admin('POST', '/api/providers/import-bundle', {
            bundle: tampered,
            passphrase,
          })
        ).status,
      ).toBe(400);

      const imported = await second.admin('POST', '/api/providers/import-bundle', {
        bundle,
        passphrase,
      });
      expect(imported.status).toBe(200);
      const results = (imported.body as Json).results as Json[];
      expect(results.map((result): unknown[] => [result.status, result.error])).toEqual(
        before.map(() => ['created', null]),
      );
      const stored = (e2e: E2E) => e2e.server.core.storage.accounts.listAll();
      const [original, copy] = [await stored(first), await stored(second)];
      const shape = (row: Awaited<ReturnType<typeof stored>>[number]) => ({
        name: row.name,
        authMethod: row.authMethod,
        provider: row.provider,
        region: row.region,
        ssoRegion: row.ssoRegion,
        startUrl: row.startUrl,
        profileArn: row.profileArn,
        machineId: row.machineId,
        disabled: row.disabled,
        healthCheckEnabled: row.healthCheckEnabled,
        allowedModels: row.allowedModels,
        weight: row.weight,
      });
      expect(copy.map(shape)).toEqual(original.map(shape));
      expect(copy.some((row) => row.authMethod === 'idc' && row.startUrl !== null)).toBe(true);
      // Validation on import reads each e-mail again (an account added unchecked had none).
      original.forEach((row, index) => {
        if (row.email !== null) expect(copy[index]!.email).toBe(row.email);
      });
      const after = await providers(second);
      for (const row of after) await serveThrough(second, row.id as string);
    } finally {
      await second.close();
      await second.removeData();
    }
  });

  it('serves an account the CLI imports while the server runs, without a restart', async () => {
    const all = await providers(first);
    for (const provider of all) {
      await first.admin('PUT', `/api/providers/${provider.id}`, { isDisabled: true });
    }
    const account = first.sim.addAccount({ authMethod: 'social' });
    const dataDir = dirname(first.server.core.storage.location);
    const file = join(home.path, 'cli-token.json');
    await writeFile(file, JSON.stringify(account.tokenFile));
    const cli = await runInProcessGroup({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/cli/main.ts', 'accounts', 'import', file],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home.path,
        OCTOPROXY_DATA_DIR: dataDir,
        OCTOPROXY_CONFIG: join(dataDir, 'none.json'),
        OCTOPROXY_KIRO_API_URL: first.sim.apiUrl,
        OCTOPROXY_KIRO_AUTH_URL: first.sim.authUrl,
        OCTOPROXY_KIRO_OIDC_URL: first.sim.oidcUrl,
        LOG_LEVEL: 'silent',
      },
      cwd: serverRoot,
      timeoutMs: 60_000,
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('Imported 1 account.');

    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      const response = await fetch(`${first.url}/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': first.apiKey },
        body: JSON.stringify({
          model: 'claude-sonnet-4-5',
          max_tokens: 32,
          messages: [{ role: 'user', content: 'hello' }],
        }),
      });
      status = response.status;
      await response.text();
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect((await providers(first)).map((row): unknown => row.email)).toContain(account.email);
  });
});
