import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';
import { writeOriginalDatabase } from './helpers/original-octoproxy-database';
import { runCli } from './helpers/run-cli';
import { tempDir } from './helpers/temp-dir';

let e2e: E2E;
let work: Awaited<ReturnType<typeof tempDir>>;
const saved = { ...process.env };

beforeAll(async () => {
  e2e = await startE2E({ accounts: 0 });
  work = await tempDir('original');
});
afterAll(async () => {
  process.env = saved;
  await e2e.close();
  await work.remove();
});

/** Runs `octoproxy …` in this process against the running server's data folder. */
async function octoproxy(...args: string[]): Promise<string> {
  const dataDir = dirname(e2e.server.core.storage.location);
  Object.assign(process.env, {
    OCTOPROXY_DATA_DIR: dataDir,
    OCTOPROXY_CONFIG: join(dataDir, 'none.json'),
    OCTOPROXY_KIRO_API_URL: e2e.sim.apiUrl,
    OCTOPROXY_KIRO_AUTH_URL: e2e.sim.authUrl,
    OCTOPROXY_KIRO_OIDC_URL: e2e.sim.oidcUrl,
    LOG_LEVEL: 'silent',
  });
  return runCli(...args);
}

async function message(key: string): Promise<number> {
  const response = await fetch(`${e2e.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({
      model: 'claude-sonnet-4-5',
      max_tokens: 32,
      messages: [{ role: 'user', content: 'hello' }],
    }),
  });
  await response.text();
  return response.status;
}

async function login(username: string, password: string) {
  const response = await fetch(`${e2e.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('octoproxy migrate-from', () => {
  it("brings over the original's accounts, users, kp_ keys and settings", async () => {
    const { sim } = e2e;
    const social = sim.addAccount({ authMethod: 'social', provider: 'Github' });
    const idc = sim.addAccount({
      authMethod: 'idc',
      ssoRegion: 'eu-west-1',
      region: 'eu-central-1',
      startUrl: 'https://acme.awsapps.com/start',
    });
    const builder = sim.addAccount({ authMethod: 'builder-id' });
    const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    const aliceKey = `kp_${randomBytes(24).toString('base64url')}`;
    const sharedKey = `kp_${randomBytes(24).toString('base64url')}`;
    const database = join(work.path, 'octoproxy.db');
    writeOriginalDatabase(database, {
      providers: [
        {
          name: 'Work GitHub',
          region: 'us-east-1',
          credentials: {
            accessToken: social.credentials.accessToken,
            refreshToken: social.credentials.refreshToken,
            expiresAt: social.credentials.expiresAt,
            profileArn: social.profileArn,
            authMethod: 'social',
            provider: 'github',
            region: 'us-east-1',
          },
          accountEmail: social.email,
          checkHealth: true,
          allowedModels: ['claude-sonnet-4.5'],
        },
        {
          // The original kept the SSO region in both places and the registration expiry in seconds.
          name: 'Acme IdC',
          region: 'eu-west-1',
          credentials: {
            accessToken: idc.credentials.accessToken,
            refreshToken: idc.credentials.refreshToken,
            expiresAt: idc.credentials.expiresAt,
            authMethod: 'IdC',
            clientId: idc.credentials.clientId,
            clientSecret: idc.credentials.clientSecret,
            clientSecretExpiresAt: seconds(idc.clientRegistration!.expiresAt),
            region: 'eu-west-1',
            ssoRegion: 'eu-west-1',
            startUrl: 'https://acme.awsapps.com/start',
          },
        },
        {
          name: 'Builder',
          region: 'us-east-1',
          credentials: {
            accessToken: builder.credentials.accessToken,
            refreshToken: builder.credentials.refreshToken,
            expiresAt: builder.credentials.expiresAt,
            authMethod: 'builder-id',
            clientId: builder.credentials.clientId,
            clientSecret: builder.credentials.clientSecret,
            clientSecretExpiresAt: seconds(builder.clientRegistration!.expiresAt),
            region: 'us-east-1',
          },
          disabled: true,
        },
        { name: 'Broken', region: 'us-east-1', credentials: 'not json' },
        {
          name: 'Not Kiro',
          region: 'us-east-1',
          credentials: { refreshToken: 'x' },
          providerType: 'other',
        },
      ],
      users: [
        { username: 'admin', password: 'admin123', role: 'admin' },
        { username: 'alice', password: 'alice-old-password', role: 'user' },
        { username: 'bob', password: 'bob-old-password', role: 'user', active: false },
      ],
      apiKeys: [
        { key: aliceKey, name: 'alice laptop', username: 'alice', dailyLimit: 100 },
        { key: sharedKey, name: 'shared' },
      ],
    });
    const config = join(work.path, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        port: 12000,
        providerStrategy: 'round_robin',
        maxErrorCount: 5,
        adminPassword: 'admin123',
        cronRefreshTokenMinutes: 15,
      }),
    );

    const output = await octoproxy('migrate-from', database, '--config', config);
    expect(output).toContain('user\texists\tadmin');
    expect(output).toContain('user\tcreated\talice');
    expect(output).toContain('api key\tcreated\talice laptop');
    expect(output).toContain('settings\tmaxErrorCount, providerStrategy');
    expect(output).toContain('Imported 3 accounts.');
    expect(output).toContain(
      'invalid\toctoproxy.db providers[3]\t-\t-\tIts credentials are not JSON.',
    );
    for (const secret of [social.credentials.refreshToken, aliceKey, 'alice-old-password']) {
      expect(output).not.toContain(secret);
    }

    const { storage } = e2e.server.core;
    const accounts = await storage.accounts.listAll();
    expect(
      accounts.map((account) => ({
        name: account.name,
        authMethod: account.authMethod,
        region: account.region,
        ssoRegion: account.ssoRegion,
        startUrl: account.startUrl,
        disabled: account.disabled,
        allowedModels: account.allowedModels,
        healthCheckEnabled: account.healthCheckEnabled,
      })),
    ).toEqual([
      {
        name: 'Work GitHub',
        authMethod: 'social',
        region: 'us-east-1',
        ssoRegion: null,
        startUrl: null,
        disabled: false,
        allowedModels: ['claude-sonnet-4.5'],
        healthCheckEnabled: true,
      },
      {
        name: 'Acme IdC',
        authMethod: 'idc',
        region: 'eu-central-1',
        ssoRegion: 'eu-west-1',
        startUrl: 'https://acme.awsapps.com/start',
        disabled: false,
        allowedModels: null,
        healthCheckEnabled: false,
      },
      {
        name: 'Builder',
        authMethod: 'builder-id',
        region: 'us-east-1',
        ssoRegion: 'us-east-1',
        startUrl: null,
        disabled: true,
        allowedModels: null,
        healthCheckEnabled: false,
      },
    ]);
    const settings = await storage.settings.getAll();
    expect(settings).toMatchObject({ providerStrategy: 'round_robin', maxErrorCount: 5 });
    expect(settings).not.toHaveProperty('port');

    // The running server reloads its pool when another process changes the database.
    const deadline = Date.now() + 10_000;
    let status = await message(aliceKey);
    while (status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = await message(aliceKey);
    }
    expect(status).toBe(200);
    expect(await message(sharedKey)).toBe(200);
    expect(await message(`${aliceKey.slice(0, -1)}${aliceKey.endsWith('A') ? 'B' : 'A'}`)).toBe(
      401,
    );
    const keys = (await storage.apiKeys.list({})).items;
    const alice = await storage.users.getByUsername('alice');
    expect(keys.find((key) => key.name === 'alice laptop')).toMatchObject({
      userId: alice!.id,
      dailyRequestLimit: 100,
    });

    expect((await login('alice', 'wrong-password')).status).toBe(401);
    const loggedIn = await login('alice', 'alice-old-password');
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.user).toMatchObject({ username: 'alice', mustChangePassword: true });
    expect(await storage.users.getPasswordHash(alice!.id)).toMatch(/^\$argon2id\$/);
    expect((await login('bob', 'bob-old-password')).status).toBe(403);

    // A second run changes nothing: everything is recognised.
    const again = await octoproxy('migrate-from', database);
    expect(again).toContain('user\texists\talice');
    expect(again).toContain('api key\texists\talice laptop');
    // Its tokens were rotated by the first run's validation, yet each account is recognised.
    expect(again.match(/^duplicate\t/gm)).toHaveLength(3);
    expect(again).toContain('Imported 0 accounts.');
    expect((await storage.accounts.listAll()).length).toBe(3);
  });
});
