import {
  startKiroSimulator,
  type KiroSimulator,
  type SimulatedAccount,
} from '@octoproxy/kiro-simulator';

import { readEnv } from '../../src/env';
import { startServer, type RunningServer } from '../../src/runtime/start-server';
import { captureLogs } from './log-capture';
import { tempDir } from './temp-dir';

export interface E2E {
  sim: KiroSimulator;
  server: RunningServer;
  /** `http://127.0.0.1:port` of the gateway. */
  url: string;
  apiKey: string;
  adminToken: string;
  accounts: SimulatedAccount[];
  logs: ReturnType<typeof captureLogs>;
  admin: (
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; body: unknown }>;
  close: () => Promise<void>;
  /** Deletes the data folder (after `server.close()` when a test closes the server itself). */
  removeData: () => Promise<void>;
}

/**
 * The gateway on loopback in front of the Kiro simulator, with `accounts` simulated accounts added
 * through the admin API and one API key: the whole product as a user runs it.
 */
export async function startE2E(
  options: {
    accounts?: number;
    plan?: 'FREE' | 'PRO';
    config?: Record<string, unknown>;
    keyLimits?: Record<string, unknown>;
    simulator?: Parameters<typeof startKiroSimulator>[0];
    /** A running simulator to share (another server's); it is left running on close. */
    sim?: KiroSimulator;
    /** More environment variables (e.g. `HOME`). */
    env?: Record<string, string>;
    /**
     * Reach the simulator under the upstream's own host names through its DNS resolver, as
     * production reaches Kiro: a region without an API host then fails DNS (`ENOTFOUND`).
     */
    hostNames?: boolean;
  } = {},
): Promise<E2E> {
  const sim = options.sim ?? (await startKiroSimulator(options.simulator));
  const dir = await tempDir('e2e');
  const logs = captureLogs('info');
  const server = await startServer({
    env: readEnv({
      OCTOPROXY_DATA_DIR: dir.path,
      OCTOPROXY_CONFIG: `${dir.path}/none.json`,
      OCTOPROXY_ADMIN_PASSWORD: 'e2e-admin-password',
      OCTOPROXY_KIRO_API_URL: sim.apiUrl,
      OCTOPROXY_KIRO_AUTH_URL: sim.authUrl,
      OCTOPROXY_KIRO_OIDC_URL: sim.oidcUrl,
      ...options.env,
    }),
    webDistDir: undefined,
    ...(options.hostNames === true ? { endpoints: sim.hostUrls, kiroLookup: sim.lookup } : {}),
    logger: logs.logger,
    port: 0,
    host: '127.0.0.1',
  });
  const url = server.url;
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const login = await call('POST', '/api/login', {
    username: 'admin',
    password: 'e2e-admin-password',
  });
  const adminToken = (login.body as { token: string }).token;
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, path, body, adminToken);
  if (options.config !== undefined) await admin('PUT', '/api/config', options.config);
  const accounts: SimulatedAccount[] = [];
  for (let index = 0; index < (options.accounts ?? 1); index += 1) {
    const account = sim.addAccount({ authMethod: 'social', plan: options.plan ?? 'PRO' });
    accounts.push(account);
    const created = await admin('POST', '/api/providers', {
      name: `sim ${index + 1}`,
      credentials: account.tokenFile,
    });
    if (created.status !== 201) throw new Error(`provider not created: ${JSON.stringify(created)}`);
  }
  const key = await admin('POST', '/api/api-keys', { name: 'e2e', ...options.keyLimits });
  const apiKey = (key.body as { apiKey: { key: string } }).apiKey.key;
  return {
    sim,
    server,
    url,
    apiKey,
    adminToken,
    accounts,
    logs,
    admin,
    close: async () => {
      await server.close();
      if (options.sim === undefined) await sim.close();
      await dir.remove();
    },
    removeData: () => dir.remove(),
  };
}
