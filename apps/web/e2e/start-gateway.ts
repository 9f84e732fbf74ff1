import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const webDir = path.resolve(import.meta.dirname, '..');
export const webDist = path.join(webDir, 'dist');
export const serverMain = path.resolve(webDir, '../server/dist/main.js');

export interface RunningGateway {
  url: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Fails with the command that fixes it when a build the test needs is missing. */
export function assertBuilt(): void {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist} is missing: run \`pnpm --filter @octoproxy/web build\` first.`);
  }
  if (!existsSync(serverMain)) {
    throw new Error(
      `${serverMain} is missing: run \`pnpm --filter @octoproxy/server build\` first.`,
    );
  }
}

/**
 * The real server (its CLI bundle) on a free loopback port with a fresh data folder, serving the
 * real SPA build. `demo` starts it against the in-process Kiro simulator with a demo account; `env`
 * adds environment variables (e.g. the Kiro endpoints of a simulator the test started).
 */
export async function startGateway(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<RunningGateway> {
  assertBuilt();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'octoproxy-web-e2e-'));
  const port = await freePort();
  const args = [
    serverMain,
    'start',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--web',
    webDist,
  ];
  if (options.demo === true) args.push('--demo');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: dataDir,
    env: {
      ...process.env,
      OCTOPROXY_DATA_DIR: path.join(dataDir, 'data'),
      OCTOPROXY_CONFIG: path.join(dataDir, 'config.json'),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /health within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, output: () => output, stop };
}
