import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import type { SimulatedAccount } from '@octoproxy/kiro-simulator';

import { spawnChild, type RunningChild } from './child-process';
import type { SimulatorAnnouncement } from './simulator-process';

const run = promisify(execFile);
const adminPassword = 'bench-admin-password';

/** The settings the load scenarios need; everything else is the shipped default. */
export const gatewayBenchConfig = {
  // The default cap (4 per account) would queue a 512-stream run behind 12 slots.
  accountMaxConcurrency: 4096,
};

export interface RunningGateway extends RunningChild {
  url: string;
  apiKey: string;
  /** An admin session token (the request log gives each request's attempts). */
  adminToken: string;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForAccounts(url: string, expected: number): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    const health = await fetch(`${url}/health`)
      .then((response) => response.json() as Promise<{ accounts?: { available: number } }>)
      .catch(() => undefined);
    if ((health?.accounts?.available ?? 0) >= expected) return;
    await sleep(100);
  }
  throw new Error(`the gateway at ${url} never had ${expected} accounts available`);
}

/**
 * The built server (`dist/main.js`) as a user runs it: a fresh data folder, the accounts imported
 * and a key created with the CLI, then `start` with the Kiro endpoints pointed at the simulator.
 */
export async function startGateway(options: {
  serverDir: string;
  dataDir: string;
  sim: SimulatorAnnouncement;
  accounts: readonly SimulatedAccount[];
  cpus: string | undefined;
  logFile: string;
}): Promise<RunningGateway> {
  const main = join(options.serverDir, 'dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first`);
  const configPath = join(options.dataDir, 'config.json');
  await writeFile(configPath, JSON.stringify(gatewayBenchConfig));
  const tokensPath = join(options.dataDir, 'accounts.json');
  await writeFile(tokensPath, JSON.stringify(options.accounts.map((a) => a.tokenFile)));
  const env = {
    OCTOPROXY_DATA_DIR: options.dataDir,
    OCTOPROXY_CONFIG: configPath,
    OCTOPROXY_ADMIN_PASSWORD: adminPassword,
    OCTOPROXY_KIRO_API_URL: options.sim.apiUrl,
    OCTOPROXY_KIRO_AUTH_URL: options.sim.authUrl,
    OCTOPROXY_KIRO_OIDC_URL: options.sim.oidcUrl,
  };
  const cli = (...args: string[]) =>
    run(process.execPath, [main, ...args], { env: { ...process.env, ...env } });
  await cli('accounts', 'import', tokensPath);
  const apiKey = (await cli('keys', 'create', '--name', 'bench')).stdout.trim();

  const port = await freePort();
  const child = spawnChild({
    command: process.execPath,
    args: [main, 'start', '--port', String(port), '--host', '127.0.0.1'],
    env,
    cpus: options.cpus,
    logFile: options.logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForAccounts(url, options.accounts.length);
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    const { token } = (await login.json()) as { token: string };
    return { ...child, url, apiKey, adminToken: token };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
