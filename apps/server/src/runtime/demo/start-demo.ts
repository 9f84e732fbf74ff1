import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { mintApiKey } from '@octoproxy/auth';
import { startKiroSimulator } from '@octoproxy/kiro-simulator';

import type { ServerEnv } from '../../env';
import { createAccountService } from '../../routes/admin/account-service';
import { startServer, type RunningServer } from '../start-server';

export const demoAdminPassword = 'octoproxy-demo';

/** The demo's admin password is printed and documented: only this machine may reach it by default. */
const demoListenHost = '127.0.0.1';

/**
 * Demo mode: an in-process Kiro simulator, a throw-away data folder, one demo account and one API
 * key, printed with ready-to-paste `curl` commands. Nothing leaves the machine.
 */
export async function startDemo(options: {
  env: ServerEnv;
  webDistDir: string | undefined;
  port?: number | undefined;
  host?: string | undefined;
  print?: (text: string) => void;
}): Promise<RunningServer & { apiKey: string }> {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const simulator = await startKiroSimulator({ tokensPerSecond: 60, firstTokenDelayMs: 200 });
  const dataDir = await mkdtemp(join(tmpdir(), 'octoproxy-demo-'));
  let apiKey = '';
  const env: ServerEnv = {
    ...options.env,
    dataDir,
    adminPassword: options.env.adminPassword ?? demoAdminPassword,
    secretKey: undefined,
  };
  const running = await startServer({
    env,
    webDistDir: options.webDistDir,
    port: options.port,
    host: options.host ?? options.env.host ?? demoListenHost,
    endpoints: { api: simulator.apiUrl, auth: simulator.authUrl, oidc: simulator.oidcUrl },
    prepare: async (core) => {
      const account = simulator.addAccount({ authMethod: 'social', plan: 'PRO' });
      const accounts = createAccountService({
        storage: core.storage,
        box: core.box,
        upstream: {
          healthCheck: () => Promise.resolve({ healthy: true, error: null }),
          refreshToken: () => Promise.resolve({ expiresAt: null }),
          syncUsage: () => Promise.resolve(),
          reset: () => Promise.resolve(),
          reload: () => Promise.resolve(),
        },
      });
      await accounts.create({
        name: 'Demo account (simulator)',
        credentials: { ...account.tokenFile },
      });
      const admin = await core.storage.users.getByUsername('admin');
      const minted = mintApiKey();
      await core.storage.apiKeys.create({
        keyHash: minted.keyHash,
        displayPrefix: minted.display.split('…')[0] ?? '',
        last4: minted.key.slice(-4),
        name: 'Demo key',
        userId: admin?.id ?? null,
      });
      apiKey = minted.key;
    },
    onClosed: async () => {
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
  const { url } = running;
  print(`
OctoProxy demo is running at ${url} against a built-in Kiro simulator (no Kiro account needed).

  API key:      ${apiKey}
  Admin UI:     ${url}/  (user admin, password ${env.adminPassword === demoAdminPassword ? demoAdminPassword : 'from OCTOPROXY_ADMIN_PASSWORD'})

Try it:

  curl ${url}/v1/messages -H 'x-api-key: ${apiKey}' -H 'content-type: application/json' \\
    -d '{"model":"claude-sonnet-4-5","max_tokens":256,"messages":[{"role":"user","content":"Hello!"}]}'

  curl ${url}/v1/chat/completions -H 'authorization: Bearer ${apiKey}' -H 'content-type: application/json' \\
    -d '{"model":"claude-sonnet-4-5","stream":true,"messages":[{"role":"user","content":"sim: words 30"}]}'

The simulator echoes your message; lines starting with "sim:" script it (sim: words 30, sim: tool Name {...},
sim: think ...). Data lives in a temporary folder and is deleted on exit (Ctrl+C).
`);
  return { ...running, apiKey };
}
