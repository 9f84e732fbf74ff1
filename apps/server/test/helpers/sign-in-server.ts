import { startKiroSimulator, type KiroSimulator } from '@octoproxy/kiro-simulator';

import { readEnv } from '../../src/env';
import { startServer, type RunningServer } from '../../src/runtime/start-server';
import { captureLogs } from './log-capture';
import { tempDir } from './temp-dir';

/** An HTTP call's status and parsed JSON body. */
export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk the body freely
  body: any;
}

export interface SignInServer {
  server: RunningServer;
  admin: (method: string, path: string, body?: unknown) => Promise<Answer>;
  /** Every admin answer so far, for the test that looks for leaked secrets. */
  answers: Answer[];
  close: () => Promise<void>;
}

/** The gateway on loopback against `sim`, on data folder `dataDir`, logged in as admin. */
export async function startSignInServer(
  sim: KiroSimulator,
  dataDir: string,
): Promise<SignInServer> {
  const logs = captureLogs('info');
  const server = await startServer({
    env: readEnv({
      OCTOPROXY_DATA_DIR: dataDir,
      OCTOPROXY_CONFIG: `${dataDir}/none.json`,
      OCTOPROXY_ADMIN_PASSWORD: 'sign-in-admin-password',
      OCTOPROXY_KIRO_API_URL: sim.apiUrl,
      OCTOPROXY_KIRO_AUTH_URL: sim.authUrl,
      OCTOPROXY_KIRO_OIDC_URL: sim.oidcUrl,
    }),
    webDistDir: undefined,
    logger: logs.logger,
    port: 0,
    host: '127.0.0.1',
  });
  const answers: Answer[] = [];
  let closing: Promise<void> | undefined;
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer: Answer = { status: response.status, body: await response.json() };
    answers.push(answer);
    return answer;
  };
  const login = await call('POST', '/api/login', {
    username: 'admin',
    password: 'sign-in-admin-password',
  });
  const token = login.body.token as string;
  return {
    server,
    admin: (method, path, body) => call(method, path, body, token),
    answers,
    close: () => (closing ??= server.close()),
  };
}

/** A simulator for a test file, and data folders removed with it. */
export async function signInFixture(options: Parameters<typeof startKiroSimulator>[0] = {}) {
  const sim = await startKiroSimulator(options);
  const dirs: Awaited<ReturnType<typeof tempDir>>[] = [];
  return {
    sim,
    newDataDir: async () => {
      const dir = await tempDir('sign-in');
      dirs.push(dir);
      return dir.path;
    },
    close: async () => {
      await sim.close();
      for (const dir of dirs) await dir.remove();
    },
  };
}

/** Polls `GET /api/sign-in/{id}` until its status is not `pending` (or the deadline passes). */
export async function settled(
  admin: SignInServer['admin'],
  id: string,
  timeoutMs = 20_000,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await admin('GET', `/api/sign-in/${id}`);
    if (answer.body.session?.status !== 'pending' || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
