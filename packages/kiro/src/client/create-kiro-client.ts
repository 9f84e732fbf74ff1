import type { KiroAccount } from '../account';
import { KiroTokenManager, type KiroTokenUpdate } from '../auth/kiro-token-manager';
import { refreshAccountToken, type KiroTokenSet } from '../auth/refresh-token';
import { DispatcherPool, type DispatcherPoolOptions } from '../http/dispatcher-pool';
import { resolveEndpoints, type KiroEndpoints } from '../http/endpoints';
import { generateMachineId, KiroHeaders, type KiroUserAgentOptions } from '../http/kiro-headers';
import type { LoginContext } from '../login/login-context';
import {
  pollDeviceToken,
  registerOidcClient,
  startDeviceAuthorization,
  type DeviceAuthorization,
  type DevicePollResult,
  type OidcClientRegistration,
} from '../login/oidc-device-login';
import { exchangeSocialCode } from '../login/social-login';
import { exchangeOidcAuthCode } from '../login/oidc-auth-code-login';
import {
  getUsageLimits,
  listAvailableModels,
  listAvailableProfiles,
  type AccountCallOptions,
} from '../metadata/account-metadata';
import type { KiroModelList, KiroProfile } from '../metadata/kiro-models';
import type { KiroUsageLimits } from '../metadata/kiro-usage-limits';
import { defaultMaxFrameBytes } from '../stream/event-stream-framer';
import type { ClientContext, KiroTimeouts } from './client-context';
import {
  generateAssistantResponse,
  type GenerateAssistantResponseOptions,
  type KiroResponse,
  type RequestShapingOptions,
} from './generate-assistant-response';

export interface KiroClientOptions extends RequestShapingOptions, KiroUserAgentOptions {
  /** Base URL templates (`{region}` placeholders); defaults are Kiro's production hosts. */
  endpoints?: Partial<KiroEndpoints>;
  timeouts?: Partial<KiroTimeouts>;
  /** Keep-alive and pool sizes of the HTTP connections. */
  connections?: Omit<DispatcherPoolOptions, 'connectTimeoutMs'>;
  /** Event-stream frames above this are a corrupt stream. Default 16 MiB. */
  maxFrameBytes?: number;
  /** Refresh access tokens this long before they expire. Default 10 minutes. */
  refreshAheadMs?: number;
  /** Persist rotated tokens here (called once per refresh, whoever triggered it). */
  onTokensRefreshed?: (update: KiroTokenUpdate) => void | Promise<void>;
  /** Persist a machine id generated for an account that had none. */
  onMachineIdAssigned?: (accountId: string, machineId: string) => void;
  /**
   * Hosts (`host[:port]`) an external IdP account's token endpoint may name besides
   * `*.microsoftonline.com` (https). The hosts of overridden `endpoints` are allowed as well.
   */
  externalIdpHosts?: readonly string[];
  /** Clock for token expiry decisions. */
  now?: () => number;
}

export interface KiroClient {
  /** One chat call; see {@link KiroResponse} for the stream and failure contract. */
  generateAssistantResponse(options: GenerateAssistantResponseOptions): Promise<KiroResponse>;
  getUsageLimits(options: AccountCallOptions): Promise<KiroUsageLimits>;
  listAvailableModels(options: AccountCallOptions): Promise<KiroModelList>;
  listAvailableProfiles(options: AccountCallOptions): Promise<KiroProfile[]>;
  /** A fresh access token (refreshing if due): also a cheap health probe that spends no credits. */
  ensureFreshToken(options: AccountCallOptions): Promise<string>;
  /** The account's machine id (its own, or the one generated for it). */
  machineIdOf(account: KiroAccount): string;
  exchangeSocialCode(options: Parameters<typeof exchangeSocialCode>[1]): Promise<KiroTokenSet>;
  registerOidcClient(
    options: Parameters<typeof registerOidcClient>[1],
  ): Promise<OidcClientRegistration>;
  startDeviceAuthorization(
    options: Parameters<typeof startDeviceAuthorization>[1],
  ): Promise<DeviceAuthorization>;
  pollDeviceToken(options: Parameters<typeof pollDeviceToken>[1]): Promise<DevicePollResult>;
  /** IdC authorization-code + PKCE: redeems the code (`startOidcAuthCodeLogin` built the URL). */
  exchangeOidcAuthCode(options: Parameters<typeof exchangeOidcAuthCode>[1]): Promise<KiroTokenSet>;
  readonly tokens: KiroTokenManager;
  readonly endpoints: KiroEndpoints;
  /** Closes every pooled connection. */
  close(): Promise<void>;
}

/** The configured IdP hosts plus the hosts of overridden endpoints (a simulator, a test IdP). */
function allowedExternalIdpHosts(options: KiroClientOptions): ReadonlySet<string> {
  const hosts = new Set((options.externalIdpHosts ?? []).map((host) => host.toLowerCase()));
  for (const template of Object.values(options.endpoints ?? {})) {
    try {
      hosts.add(new URL(template.replaceAll('{region}', 'us-east-1')).host.toLowerCase());
    } catch {
      // authRegion, or not a URL: nothing to allow.
    }
  }
  return hosts;
}

/** Creates a Kiro client. It holds connection pools, token state and generated machine ids. */
export function createKiroClient(options: KiroClientOptions = {}): KiroClient {
  const endpoints = resolveEndpoints(options.endpoints);
  const timeouts: KiroTimeouts = {
    connectMs: 5_000,
    firstByteMs: 120_000,
    idleMs: 60_000,
    requestMs: 30_000,
    ...options.timeouts,
  };
  const now = options.now ?? Date.now;
  const headers = new KiroHeaders(options);
  const pool = new DispatcherPool({ ...options.connections, connectTimeoutMs: timeouts.connectMs });
  const machineIds = new Map<string, string>();
  const externalIdpHosts = allowedExternalIdpHosts(options);

  function machineIdOf(account: KiroAccount): string {
    if (account.machineId) return account.machineId;
    let machineId = machineIds.get(account.id);
    if (machineId === undefined) {
      machineId = generateMachineId();
      machineIds.set(account.id, machineId);
      options.onMachineIdAssigned?.(account.id, machineId);
    }
    return machineId;
  }

  const dispatcherFor = (account: { proxyUrl?: string | undefined }) => pool.for(account.proxyUrl);
  const tokens = new KiroTokenManager({
    refreshAheadMs: options.refreshAheadMs,
    onTokensRefreshed: options.onTokensRefreshed,
    now,
    refresh: (account, refreshToken) =>
      refreshAccountToken({
        account,
        refreshToken,
        context: {
          endpoints,
          headers,
          dispatcher: dispatcherFor(account),
          machineId: machineIdOf(account),
          timeoutMs: timeouts.requestMs,
          now,
          externalIdpHosts,
        },
      }),
  });
  const context: ClientContext = {
    endpoints,
    headers,
    tokens,
    timeouts,
    dispatcherFor,
    machineIdOf,
    now,
  };
  const chatContext = {
    ...context,
    shaping: options,
    maxFrameBytes: options.maxFrameBytes ?? defaultMaxFrameBytes,
  };
  const login: LoginContext = {
    endpoints,
    headers,
    dispatcherFor,
    requestMs: timeouts.requestMs,
    now,
  };

  return {
    generateAssistantResponse: (call) => generateAssistantResponse(chatContext, call),
    getUsageLimits: (call) => getUsageLimits(context, call),
    listAvailableModels: (call) => listAvailableModels(context, call),
    listAvailableProfiles: (call) => listAvailableProfiles(context, call),
    ensureFreshToken: (call) => tokens.getAccessToken(call.account, { signal: call.signal }),
    machineIdOf,
    exchangeSocialCode: (call) => exchangeSocialCode(login, call),
    registerOidcClient: (call) => registerOidcClient(login, call),
    startDeviceAuthorization: (call) => startDeviceAuthorization(login, call),
    pollDeviceToken: (call) => pollDeviceToken(login, call),
    exchangeOidcAuthCode: (call) => exchangeOidcAuthCode(login, call),
    tokens,
    endpoints,
    close: () => pool.close(),
  };
}
