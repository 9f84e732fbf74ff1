import type { Server } from 'node:http';

import type { Logger } from '../logging/create-logger';
import type { InFlight } from './in-flight';

export interface ShutdownOptions {
  server: Server;
  inFlight: InFlight;
  graceMs: () => number;
  logger: Logger;
  /** Flushes buffered state (counters, request logs) and closes resources, in order. */
  cleanups: readonly (() => Promise<void> | void)[];
}

/**
 * Stops accepting connections, lets running streams finish until the grace deadline, then closes
 * what is left, flushes buffered writes and the log. Safe to call more than once.
 */
export function createShutdown(options: ShutdownOptions): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      const { server, inFlight, logger } = options;
      logger.info({ inFlight: inFlight.size }, 'shutting down');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = await inFlight.drained(options.graceMs());
      if (!drained) logger.warn({ inFlight: inFlight.size }, 'grace period over; closing streams');
      server.closeAllConnections();
      await closed;
      for (const cleanup of options.cleanups) {
        try {
          await cleanup();
        } catch (error) {
          logger.error({ err: error }, 'cleanup failed during shutdown');
        }
      }
      logger.info('stopped');
      logger.flush();
    })();
    return running;
  };
}
