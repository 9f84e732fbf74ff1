import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';

import { serve } from '@hono/node-server';
import type { KiroEndpoints } from '@octoproxy/kiro';

import { loadConfigFile } from '../config/load-config-file';
import type { ServerEnv } from '../env';
import { createLogger, type Logger } from '../logging/create-logger';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { buildApp, type BuiltApp } from './build-app';
import { applyConnectionLimits, connectionServerOptions } from './connection-limits';
import { createShutdown } from './graceful-shutdown';
import { createKiroUpstream } from './kiro/create-kiro-upstream';
import { openCore, type Core } from './open-core';
import { watchExternalChanges } from './watch-external-changes';

export interface StartServerOptions {
  env: ServerEnv;
  webDistDir: string | undefined;
  logger?: Logger;
  /** Overrides of the listen address (CLI flags, tests). */
  port?: number | undefined;
  host?: string | undefined;
  /** Kiro endpoints that win over the environment (demo mode's simulator). */
  endpoints?: Partial<KiroEndpoints>;
  /** The DNS resolver of upstream connections (tests: the simulator's, where missing hosts fail). */
  kiroLookup?: LookupFunction;
  /** Run after everything else has been closed on shutdown. */
  onClosed?: () => Promise<void>;
  /** Runs once the database is open, before the pool loads its accounts (demo mode seeds here). */
  prepare?: (core: Core) => Promise<void>;
}

export interface RunningServer {
  url: string;
  port: number;
  core: Core;
  built: BuiltApp;
  logger: Logger;
  /** Graceful stop: no new connections, streams finish until the grace period, state flushed. */
  close: () => Promise<void>;
}

export function kiroEndpointsOf(env: ServerEnv): Partial<KiroEndpoints> {
  return {
    ...(env.kiroApiUrl === undefined ? {} : { api: env.kiroApiUrl }),
    ...(env.kiroAuthUrl === undefined ? {} : { auth: env.kiroAuthUrl }),
    ...(env.kiroOidcUrl === undefined ? {} : { oidc: env.kiroOidcUrl }),
  };
}

/** Opens everything, starts the background jobs and listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { env } = options;
  const file = await loadConfigFile(env.configPath);
  const logger =
    options.logger ?? createLogger({ level: env.logLevel ?? file.patch.logLevel ?? 'info' });
  if (!file.found) logger.info({ path: env.configPath }, 'no config file; using defaults');
  if (file.ignoredKeys.length > 0) {
    logger.warn({ keys: file.ignoredKeys }, 'config keys ignored (unknown or retired)');
  }
  const core = await openCore({ env, fileConfig: file.patch, logger });
  await options.prepare?.(core);
  const metrics = new GatewayMetrics();
  const upstream = createKiroUpstream({
    storage: core.storage,
    box: core.box,
    settings: core.settings,
    metrics,
    logger,
    endpoints: { ...kiroEndpointsOf(env), ...options.endpoints },
    lookup: options.kiroLookup,
  });
  const built = buildApp({
    core,
    upstream,
    logger,
    metrics,
    webDistDir: options.webDistDir,
    homeDir: env.homeDir,
    kiro: upstream.kiro,
    listenHost: options.host ?? core.settings.current.host,
    signInCallback: env.signInCallback,
  });
  await upstream.start();
  // Device-code sign-ins left pending by an earlier run poll again (their pace is stored).
  await built.signIn?.resume();
  const purge = setInterval(() => {
    void core.sessions.purgeExpired().catch(() => undefined);
    void core.storage.oauthSessions.deleteExpired().catch(() => undefined);
  }, 3_600_000);
  purge.unref();
  // Accounts added by the CLI (another process) reach the pool without a restart.
  const outsideChanges = watchExternalChanges({
    storage: core.storage,
    onChange: () => upstream.accounts.reload(),
    logger,
  });

  const config = core.settings.current;
  const server = serve({
    fetch: built.app.fetch,
    port: options.port ?? config.port,
    hostname: options.host ?? config.host,
    serverOptions: connectionServerOptions(config),
  }) as Server;
  applyConnectionLimits(server, config);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shown === '0.0.0.0' || shown === '[::]' ? 'localhost' : shown}:${address.port}`;
  logger.info({ url, dataDir: env.dataDir }, 'OctoProxy is listening');

  const close = createShutdown({
    server,
    inFlight: built.inFlight,
    graceMs: () => core.settings.current.shutdownGraceSeconds * 1000,
    logger,
    cleanups: [
      () => clearInterval(purge),
      async () => built.signIn?.stop(),
      () => outsideChanges.stop(),
      () => upstream.stop(),
      () => core.storage.close(),
      ...(options.onClosed ? [options.onClosed] : []),
    ],
  });
  return { url, port: address.port, core, built, logger, close };
}
