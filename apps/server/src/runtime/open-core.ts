import { join } from 'node:path';

import {
  bootstrapAdmin,
  createApiKeyAuthenticator,
  createLoginService,
  createPasswordHasher,
  createSessionService,
  type Argon2Parameters,
  type LoginService,
  type PasswordHasher,
  type SecretBox,
  type SessionService,
} from '@octoproxy/auth';
import { openDatabase, type Storage } from '@octoproxy/storage';
import type { MiddlewareHandler } from 'hono';
import {
  apiKeyAuth,
  createSessionCookie,
  sessionAuth,
  type SessionCookie,
} from '@octoproxy/auth/hono';

import { requestIsHttps } from '../routes/admin/request-is-https';
import { envConfigLayer, LiveSettings } from '../config/live-settings';
import type { ServerConfigPatch } from '../config/config-schema';
import type { ServerEnv } from '../env';
import type { Logger } from '../logging/create-logger';
import type { ProxyEnv } from '../proxy/proxy-env';
import type { AdminEnv } from '../routes/admin/admin-env';
import { apiKeyStoreOf, sessionStoreOf, userStoreOf } from './auth-stores';
import { liveSessionService } from './live-session-service';
import {
  ensurePrivateDatabaseFile,
  ensurePrivateDir,
  tightenDatabaseCompanions,
} from './private-files';
import { sealStoredProxyUrls, withSealedProxyUrls } from './sealed-proxy-urls';
import { loadSecretKey, openSecretBox } from './secret-key-source';
import { storageSettingsStore } from './storage-settings-store';

export const databaseFileName = 'octo-proxy.db';

/** Storage, settings, secrets and auth: everything but the upstream side. */
export interface Core {
  storage: Storage;
  settings: LiveSettings;
  box: SecretBox;
  hasher: PasswordHasher;
  sessions: SessionService;
  login: LoginService;
  cookie: SessionCookie;
  apiKeyAuth: MiddlewareHandler<ProxyEnv>;
  sessionAuth: MiddlewareHandler<AdminEnv>;
}

export interface OpenCoreOptions {
  env: ServerEnv;
  fileConfig: ServerConfigPatch;
  logger: Logger;
  /** Cheaper password hashing for tests only. */
  argon2?: Readonly<Argon2Parameters> | undefined;
}

/** Only the proxy's generation routes count against a key's daily limit; reads do not. */
const countedRoutes = new Set(['/v1/messages', '/v1/chat/completions', '/v1/responses']);

/**
 * Opens the database in the data folder (creating both), the live settings, the secret box (refusing
 * to start with the wrong key) and the auth services, and creates the first admin on first start.
 */
export async function openCore(options: OpenCoreOptions): Promise<Core> {
  const { env, logger } = options;
  await ensurePrivateDir(env.dataDir);
  const databasePath = join(env.dataDir, databaseFileName);
  await ensurePrivateDatabaseFile(databasePath);
  const storage = await openDatabase({
    path: databasePath,
    onBackgroundError: (error) => logger.error({ err: error }, 'background database write failed'),
  });
  await tightenDatabaseCompanions(databasePath);
  try {
    const settings = await LiveSettings.open({
      file: options.fileConfig,
      env: envConfigLayer(env),
      store: storageSettingsStore(storage),
    });
    const key = await loadSecretKey({ dataDir: env.dataDir, envKey: env.secretKey });
    if (key.source === 'new-file') {
      logger.warn(
        { path: key.path },
        'created a new secret key file; back it up with the database',
      );
    }
    const box = await openSecretBox({ storage, keyText: key.text });
    const sealedStorage = withSealedProxyUrls(storage, box);
    const sealedCount = await sealStoredProxyUrls(storage.accounts, sealedStorage.accounts);
    if (sealedCount > 0) logger.info({ accounts: sealedCount }, 'sealed stored proxy URLs');
    const hasher = createPasswordHasher(options.argon2 ? { parameters: options.argon2 } : {});
    const users = userStoreOf(storage);
    const sessions = liveSessionService(settings, (timeouts) =>
      createSessionService({
        sessions: sessionStoreOf(storage, { idleTimeoutMs: timeouts.idleTimeoutMs }),
        users,
        ...timeouts,
      }),
    );
    const bootstrap = await bootstrapAdmin({
      users,
      hasher,
      configuredPassword: env.adminPassword,
    });
    if (bootstrap.created) {
      const message = bootstrap.usedDefaultPassword
        ? 'created the first admin with the default password admin123; log in and change it now'
        : 'created the first admin with the password from OCTOPROXY_ADMIN_PASSWORD';
      logger.warn({ username: bootstrap.username }, message);
    }
    const cookie = createSessionCookie({
      secure: (c) =>
        settings.current.secureCookies || requestIsHttps(c, settings.current.trustProxy),
    });
    const authenticator = createApiKeyAuthenticator({ keys: apiKeyStoreOf(storage) });
    return {
      storage: sealedStorage,
      settings,
      box,
      hasher,
      sessions,
      login: createLoginService({ users, sessions, hasher }),
      cookie,
      apiKeyAuth: apiKeyAuth({
        authenticator,
        countUsage: (c) => countedRoutes.has(c.req.path),
      }) as unknown as MiddlewareHandler<ProxyEnv>,
      sessionAuth: sessionAuth({ sessions, cookie }) as unknown as MiddlewareHandler<AdminEnv>,
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
