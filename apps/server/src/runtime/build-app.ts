import { homedir } from 'node:os';

import type { KiroClient } from '@octoproxy/kiro';
import type { Hono } from 'hono';

import { createApp } from '../create-app';
import type { AppEnv } from '../http/app-env';
import { AddressPolicy } from '../images/address-policy';
import { ByteBudget } from '../images/byte-budget';
import { fetchImage } from '../images/fetch-image';
import { imageDownloadsBusyError } from '../images/image-fetch-error';
import type { Logger } from '../logging/create-logger';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import { KeyConcurrency } from '../proxy/key-concurrency';
import type { ProxyDeps } from '../proxy/proxy-deps';
import type { RequestRecorder } from '../proxy/request-recorder';
import { createAccountTransfer } from '../accounts/transfer/account-transfer';
import { createSignIn, onboardingDepsOf } from '../accounts/sign-in/create-sign-in';
import type { SignInService } from '../accounts/sign-in/sign-in-service';
import { adminRoutes } from '../routes/admin/admin-routes';
import { createAccountService } from '../routes/admin/account-service';
import { chatCompletionsRoutes } from '../routes/proxy/chat-completions-routes';
import { messagesRoutes } from '../routes/proxy/messages-routes';
import { modelsRoutes } from '../routes/proxy/models-routes';
import { responsesRoutes } from '../routes/proxy/responses-routes';
import { createTokenizer } from '../tokens/text-tokenizer';
import { TokenCalibration } from '../tokens/token-calibration';
import { InFlight } from './in-flight';
import type { Core } from './open-core';
import { storageRequestRecorder } from './storage-request-recorder';
import type { Upstream } from './upstream';

/** Stands in where the app runs without Kiro (tests of the app shell): every call says so. */
function kiroUnavailable(): KiroClient {
  return new Proxy({} as KiroClient, {
    get: () => {
      throw new Error('No Kiro client is configured: accounts cannot be validated.');
    },
  });
}

export interface BuiltApp {
  app: Hono<AppEnv>;
  inFlight: InFlight;
  calibration: TokenCalibration;
  /** Dashboard sign-ins (absent without a Kiro upstream): resumed after start, stopped on close. */
  signIn: SignInService | undefined;
}

/** Composes the HTTP app from the core services and the upstream side. */
export function buildApp(options: {
  core: Core;
  upstream: Upstream;
  logger: Logger;
  metrics: GatewayMetrics;
  webDistDir: string | undefined;
  recorder?: RequestRecorder;
  /** The address the server listens on: it decides whether a loopback sign-in callback works. */
  listenHost?: string;
  /** `OCTOPROXY_SIGN_IN_CALLBACK`: the admin's answer to that question, when given. */
  signInCallback?: 'loopback' | 'paste' | undefined;
  /** The home folder scanned for local Kiro logins (default: the process's). */
  homeDir?: string;
  /** The Kiro client new accounts are validated with; without one, imports report it missing. */
  kiro?: KiroClient;
}): BuiltApp {
  const { core, upstream, logger, metrics } = options;
  const settings = core.settings;
  const inFlight = new InFlight();
  const calibration = new TokenCalibration();
  let policy = new AddressPolicy(settings.current.imageFetchAllowList);
  settings.onChange((config, changed) => {
    if (changed.includes('imageFetchAllowList'))
      policy = new AddressPolicy(config.imageFetchAllowList);
    if (changed.includes('logLevel')) logger.level = config.logLevel;
  });
  metrics.knownModels = () => upstream.models.available();
  // One server-wide cap on image bytes being downloaded, whatever the number of requests.
  const imageBytesInFlight = new ByteBudget(
    () => settings.current.imageFetchMaxInFlightBytes,
    imageDownloadsBusyError,
  );
  const proxy: ProxyDeps = {
    backend: upstream.backend,
    settings,
    metrics,
    inFlight,
    keyConcurrency: new KeyConcurrency(),
    recorder: options.recorder ?? storageRequestRecorder(core.storage),
    calibration,
    models: upstream.models,
    tokenize: createTokenizer(),
    fetchImage: (url, signal, requestBudget) =>
      fetchImage(url, {
        policy,
        maxBytes: settings.current.imageFetchMaxBytes,
        timeoutMs: settings.current.imageFetchTimeoutSeconds * 1000,
        signal,
        requestBudget,
        inFlight: imageBytesInFlight,
      }),
    apiKeyAuth: core.apiKeyAuth,
  };
  const accounts = createAccountService({
    storage: core.storage,
    box: core.box,
    upstream: upstream.accounts,
  });
  const onboarding =
    options.kiro === undefined
      ? undefined
      : onboardingDepsOf({ core, kiro: options.kiro, reload: () => upstream.accounts.reload() });
  const signIn =
    onboarding === undefined
      ? undefined
      : createSignIn({
          onboarding,
          logger,
          listenHost: options.listenHost ?? settings.current.host,
          callbackMode: options.signInCallback,
        });
  const admin = adminRoutes({
    storage: core.storage,
    settings,
    hasher: core.hasher,
    login: core.login,
    sessions: core.sessions,
    cookie: core.cookie,
    sessionAuth: core.sessionAuth,
    accounts,
    transfer: createAccountTransfer({
      onboarding: {
        storage: core.storage,
        box: core.box,
        kiro: options.kiro ?? kiroUnavailable(),
        reload: () => accounts.reload(),
      },
      homeDir: options.homeDir ?? homedir(),
    }),
    onboarding,
    signIn,
    models: upstream.models,
    trustedOrigins: settings.current.trustedOrigins,
  });
  const app = createApp({
    settings,
    logger,
    metrics,
    webDistDir: options.webDistDir,
    listenHost: options.listenHost,
    health: () => upstream.health(),
    routes: [
      messagesRoutes(proxy) as unknown as Hono<AppEnv>,
      chatCompletionsRoutes(proxy) as unknown as Hono<AppEnv>,
      responsesRoutes(proxy) as unknown as Hono<AppEnv>,
      modelsRoutes(proxy) as unknown as Hono<AppEnv>,
      admin as unknown as Hono<AppEnv>,
    ],
  });
  return { app, inFlight, calibration, signIn };
}
