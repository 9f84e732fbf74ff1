import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Command } from 'commander';

import { readEnv } from '../../env';
import { startDemo } from '../../runtime/demo/start-demo';
import { startServer } from '../../runtime/start-server';

/** The admin SPA: next to the server bundle in the repository (`apps/web/dist`), or `--web <dir>`. */
function defaultWebDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../web/dist'), resolve(here, '../../../web/dist')];
  return candidates.find((candidate) => existsSync(join(candidate, '..', 'package.json')));
}

function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function registerStart(program: Command): void {
  program
    .command('start', { isDefault: true })
    .description('start the gateway (port 9091, SQLite in data/ unless configured otherwise)')
    .option('-p, --port <port>', 'listen port (overrides PORT and the config)', Number)
    .option('-H, --host <host>', 'listen address (overrides HOST and the config)')
    .option('--web <dir>', 'the built admin SPA to serve at /')
    .option(
      '--demo',
      'run against a built-in Kiro simulator with a demo account and a printed API key',
    )
    .action(runStart);
}

export interface StartOptions {
  port?: number;
  host?: string;
  web?: string;
  demo?: boolean;
}

/** Starts the server (or the demo) and stops it gracefully on SIGINT / SIGTERM. */
export async function runStart(options: StartOptions): Promise<void> {
  const env = readEnv();
  const webDistDir = options.web ?? defaultWebDir();
  const running = options.demo
    ? await startDemo({ env, webDistDir, port: options.port, host: options.host })
    : await startServer({ env, webDistDir, port: options.port, host: options.host });
  stopOnSignals(running.close);
}
