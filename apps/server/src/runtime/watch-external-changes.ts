import type { Storage } from '@octoproxy/storage';

import type { Logger } from '../logging/create-logger';

/**
 * Polls the database for commits by other processes (the CLI adding accounts while the server
 * runs) and calls `onChange` once per change seen. One poll at a time; a failing poll or handler
 * is logged and the next tick tries again.
 */
export function watchExternalChanges(options: {
  storage: Pick<Storage, 'externalChanges'>;
  onChange: () => Promise<void>;
  logger: Logger;
  intervalMs?: number;
}): { stop: () => void } {
  const { storage, onChange, logger } = options;
  let last: number | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const version = await storage.externalChanges();
      if (last !== undefined && version !== last) {
        logger.info('the database was changed by another process; reloading the accounts');
        await onChange();
      }
      last = version;
    } catch (error) {
      logger.warn({ err: error }, 'checking the database for outside changes failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 2_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
