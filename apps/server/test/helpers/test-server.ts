import { readEnv } from '../../src/env';
import { GatewayMetrics } from '../../src/metrics/gateway-metrics';
import { buildApp } from '../../src/runtime/build-app';
import { openCore, type Core } from '../../src/runtime/open-core';
import type { Upstream } from '../../src/runtime/upstream';
import type { ServerConfigPatch } from '../../src/config/config-schema';
import { captureLogs } from './log-capture';
import { tempDir } from './temp-dir';

export const fastArgon2 = { memoryCost: 1024, timeCost: 1, parallelism: 1, outputLength: 32 };

/** A full app on a real SQLite file in a temp folder (no socket; use `app.request`). */
export async function openTestApp(options: {
  upstream: Upstream;
  env?: Record<string, string>;
  config?: ServerConfigPatch;
  dataDir?: string;
}) {
  const dir = options.dataDir === undefined ? await tempDir('server') : undefined;
  const dataDir = options.dataDir ?? dir!.path;
  const env = readEnv({ OCTOPROXY_DATA_DIR: dataDir, ...options.env });
  const logs = captureLogs();
  const core: Core = await openCore({
    env,
    fileConfig: options.config ?? {},
    logger: logs.logger,
    argon2: fastArgon2,
  });
  const metrics = new GatewayMetrics({ processMetrics: false });
  const built = buildApp({
    core,
    upstream: options.upstream,
    logger: logs.logger,
    metrics,
    webDistDir: undefined,
  });
  return {
    ...built,
    core,
    metrics,
    logs,
    dataDir,
    close: async () => {
      await core.storage.close();
      await dir?.remove();
    },
  };
}
