import type { LookupFunction } from 'node:net';

import type { SecretBox } from '@octoproxy/auth';
import { createKiroClient, type KiroClient, type KiroEndpoints } from '@octoproxy/kiro';
import { createPool } from '@octoproxy/pool';
import type { Storage } from '@octoproxy/storage';

import type { LiveSettings } from '../../config/live-settings';
import type { Logger } from '../../logging/create-logger';
import type { GatewayMetrics } from '../../metrics/gateway-metrics';
import type { Upstream } from '../upstream';
import { kiroBackend } from './kiro-backend';
import { kiroModelDirectory } from './kiro-model-directory';
import { kiroPoolUpstream } from './kiro-pool-upstream';
import { wirePoolMetrics } from './pool-metrics';
import { poolSettingsOf } from './pool-settings-of';
import { storagePoolStore } from './storage-pool-store';
import { StoredKiroAccounts } from './stored-kiro-accounts';

export interface KiroUpstreamOptions {
  storage: Storage;
  box: SecretBox;
  settings: LiveSettings;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Endpoint overrides (`OCTOPROXY_KIRO_*_URL`, or the demo's simulator). */
  endpoints: Partial<KiroEndpoints>;
  /** The DNS resolver of upstream connections; Node's by default. */
  lookup?: LookupFunction | undefined;
}

/** The real upstream: the account pool in front of the Kiro client, persisted in storage. */
export function createKiroUpstream(options: KiroUpstreamOptions): Upstream & { kiro: KiroClient } {
  const { storage, box, settings, metrics, logger } = options;
  const config = settings.current;
  const accounts = new StoredKiroAccounts(storage, box);
  const kiro = createKiroClient({
    endpoints: options.endpoints,
    kiroVersion: config.kiroVersion,
    // The live settings govern: the pool's pre-commit deadline (first token) and the relay's idle
    // timeout change without a restart. The client's own limits only stop a connection nobody
    // watches any more, so they sit above any sensible setting.
    timeouts: { firstByteMs: 15 * 60_000, idleMs: 15 * 60_000 },
    ...(options.lookup === undefined ? {} : { connections: { lookup: options.lookup } }),
    onTokensRefreshed: (update) =>
      accounts.saveTokens(update).catch((error: unknown) => {
        logger.error(
          { err: error, accountId: update.accountId },
          'could not store refreshed tokens',
        );
      }),
    onMachineIdAssigned: (accountId, machineId) => {
      void storage.accounts.update(accountId, { machineId }).catch(() => undefined);
    },
  });
  const pool = createPool({
    store: storagePoolStore(storage),
    upstream: kiroPoolUpstream({ kiro, accounts }),
    settings: poolSettingsOf(config),
    onListenerError: (error) => logger.error({ err: error }, 'pool event listener failed'),
  });
  settings.onChange((next) => {
    try {
      pool.updateSettings(poolSettingsOf(next));
    } catch (error) {
      logger.error({ err: error }, 'pool refused the new settings');
    }
  });
  const unwire = wirePoolMetrics(pool, metrics);
  pool.subscribe((event) => {
    if (event.type === 'account_changed') {
      logger.info({ accountId: event.accountId, change: event.detail }, 'account state changed');
    } else if (event.type === 'attempt_failed') {
      logger.warn(
        { accountId: event.accountId, failure: event.failure, willRetry: event.willRetry },
        'upstream attempt failed',
      );
    }
  });

  return {
    kiro,
    backend: kiroBackend({ pool, kiro, accounts, storage }),
    models: kiroModelDirectory(pool),
    accounts: {
      async healthCheck(accountId) {
        await pool.reload();
        const startedAt = Date.now();
        // The admin asks "does this account work?": refresh even a valid token, then call the API
        // host, region and profile a chat call uses (usage and models: no quota spent).
        const snapshot = await pool.checkAccount(accountId, { refreshToken: true });
        await pool.flush();
        const state = snapshot?.state;
        const failedNow = state?.lastError != null && state.lastError.at >= startedAt;
        const healthy =
          state !== undefined &&
          !failedNow &&
          state.health !== 'unhealthy' &&
          state.quarantine === null;
        return {
          healthy,
          error: healthy ? null : (state?.lastError?.message ?? state?.healthReason ?? null),
        };
      },
      async refreshToken(accountId) {
        const account = await accounts.load(accountId);
        const current = kiro.tokens.credentialsOf(account);
        await kiro.tokens.forceRefresh(account, { rejectedToken: current.accessToken ?? '' });
        const expiresAt = Date.parse(kiro.tokens.credentialsOf(account).expiresAt ?? '');
        return { expiresAt: Number.isFinite(expiresAt) ? expiresAt : null };
      },
      async syncUsage(accountId) {
        await pool.reload();
        await pool.syncUsage(accountId);
        await pool.flush();
      },
      async reset(accountId) {
        pool.resetAccount(accountId);
        await pool.flush();
      },
      reload: () => pool.reload(),
    },
    health: () => {
      const stats = pool.stats();
      return { accounts: { available: stats.available, total: stats.total } };
    },
    start: () => pool.start(),
    async stop() {
      unwire();
      await pool.stop();
      await kiro.close();
    },
  };
}
