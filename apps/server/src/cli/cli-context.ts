import { pino } from 'pino';

import { loadConfigFile } from '../config/load-config-file';
import { readEnv, type ServerEnv } from '../env';
import { createLogger, type Logger } from '../logging/create-logger';
import { openCore, type Core } from '../runtime/open-core';

/** Opens the data folder for a one-shot command (works while the server runs: SQLite WAL). */
export async function withCore<T>(
  run: (core: Core, env: ServerEnv, logger: Logger) => Promise<T>,
): Promise<T> {
  const env = readEnv();
  // Logs go to stderr: stdout carries the command's result (a key, a path) for scripts.
  const logger = createLogger({
    level: env.logLevel ?? 'warn',
    destination: pino.destination({ fd: 2, sync: true }),
  });
  const file = await loadConfigFile(env.configPath);
  const core = await openCore({ env, fileConfig: file.patch, logger });
  try {
    return await run(core, env, logger);
  } finally {
    await core.storage.close();
    logger.flush();
  }
}

/** Writes a result line for people and scripts; errors go to stderr. */
export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
