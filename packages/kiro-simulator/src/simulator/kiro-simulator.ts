import type { LookupFunction } from 'node:net';

import type { AccountPatch, AddAccountOptions, SimulatedAccount } from '../accounts/account-types';
import { remainingCredits, type UsageState } from '../accounts/usage';
import type { FaultHandle, FaultRule } from '../faults/fault-types';
import { simulatedLookup } from '../http/simulated-hosts';
import type { RequestLog } from '../log/request-log';
import type { SimulatedModel } from '../models/model-catalog';
import type { SimulatorState } from './simulator-state';

export interface AccountUsage {
  remainingCredits: number;
  base: UsageState['base'];
  freeTrial: UsageState['freeTrial'];
  bonuses: UsageState['bonuses'];
  /** Epoch milliseconds. */
  nextResetAt: number;
  suspended: boolean;
}

/** A running simulator: its URLs, accounts, faults and request log. */
export interface KiroSimulator {
  /** `http://host:port`. */
  readonly url: string;
  readonly port: number;
  /** Stands for `https://q.{region}.amazonaws.com`; contains the literal `{region}`. */
  readonly apiUrl: string;
  /** Stands for `https://prod.{region}.auth.desktop.kiro.dev`; contains the literal `{region}`. */
  readonly authUrl: string;
  /** Stands for `https://oidc.{region}.amazonaws.com`; contains the literal `{region}`. */
  readonly oidcUrl: string;
  /** Base of the control endpoints (`…/__sim`). */
  readonly controlUrl: string;
  /**
   * The same three services under the upstream's own host names, on the simulator's port
   * (`http://q.{region}.amazonaws.com:port`, …). A client reaches them through {@link lookup}, so a
   * region without a host fails DNS resolution (`ENOTFOUND`) as it does in production.
   */
  readonly hostUrls: { readonly api: string; readonly auth: string; readonly oidc: string };
  /**
   * A resolver (`dns.lookup`'s signature) for `net.connect({ lookup })` or undici's `connect`
   * options: the upstream hosts that exist resolve to the simulator (the API host in `us-east-1` and
   * `eu-central-1` only, the social auth host in `us-east-1`, SSO-OIDC in any region); other upstream
   * names answer `ENOTFOUND`; any other name goes to the system resolver.
   */
  readonly lookup: LookupFunction;
  readonly requests: RequestLog;
  readonly models: readonly SimulatedModel[];
  apiUrlFor(region: string): string;
  authUrlFor(region?: string): string;
  oidcUrlFor(region: string): string;
  addAccount(options: AddAccountOptions): SimulatedAccount;
  /** The account's newest credentials (after any refresh) in Kiro's token-file shapes. */
  account(id: string): SimulatedAccount;
  accounts(): SimulatedAccount[];
  usage(id: string): AccountUsage;
  updateAccount(id: string, patch: AccountPatch): void;
  /** Makes the account's access tokens expired (the refresh token stays valid). */
  expireAccessToken(id: string): void;
  revokeAccessTokens(id: string): void;
  /** The current refresh token answers `invalid_grant` from now on. */
  revokeRefreshToken(id: string): void;
  /** Ends a client registration's validity (`invalid_client` afterwards). */
  expireClientRegistration(clientId: string): void;
  injectFault(rule: FaultRule): FaultHandle;
  clearFaults(): void;
  /** Approves a pending device flow (the latest when `userCode` is omitted). */
  approveDeviceAuthorization(
    userCode?: string,
    account?: Omit<AddAccountOptions, 'authMethod'>,
  ): void;
  denyDeviceAuthorization(userCode?: string): void;
  /** Forgets accounts, tokens, logins, faults and the request log. */
  reset(): void;
  close(): Promise<void>;
}

export function createSimulatorApi(options: {
  state: SimulatorState;
  url: string;
  /** The address the simulator listens on (what the simulated hosts resolve to). */
  address: string;
  port: number;
  close: () => Promise<void>;
}): KiroSimulator {
  const { state, url, port } = options;
  const pendingFlow = (userCode: string | undefined) => {
    const flow =
      userCode === undefined
        ? state.logins.latestPendingFlow()
        : state.logins.flowByUserCode(userCode);
    if (flow?.status !== 'pending') {
      throw new Error(`No pending device authorization ${userCode ?? ''}`.trim());
    }
    return flow;
  };
  return {
    url,
    port,
    apiUrl: `${url}/api/{region}`,
    authUrl: `${url}/auth/{region}`,
    oidcUrl: `${url}/oidc/{region}`,
    controlUrl: `${url}/__sim`,
    hostUrls: {
      api: `http://q.{region}.amazonaws.com:${port}`,
      auth: `http://prod.{region}.auth.desktop.kiro.dev:${port}`,
      oidc: `http://oidc.{region}.amazonaws.com:${port}`,
    },
    lookup: simulatedLookup(options.address),
    requests: state.log,
    models: state.models.models,
    apiUrlFor: (region) => `${url}/api/${region}`,
    authUrlFor: (region = 'us-east-1') => `${url}/auth/${region}`,
    oidcUrlFor: (region) => `${url}/oidc/${region}`,
    addAccount: (accountOptions) => state.accounts.add(accountOptions),
    account: (id) => state.accounts.describe(id),
    accounts: () => state.accounts.list().map((record) => state.accounts.describe(record.id)),
    usage: (id) => {
      const record = state.accounts.require(id);
      const { usage } = record;
      return structuredClone({
        remainingCredits: remainingCredits(usage, state.now()),
        base: usage.base,
        freeTrial: usage.freeTrial,
        bonuses: usage.bonuses,
        nextResetAt: usage.nextResetAt,
        suspended: record.suspended,
      });
    },
    updateAccount: (id, patch) => state.accounts.update(id, patch),
    expireAccessToken: (id) => state.accounts.expireAccessTokens(id),
    revokeAccessTokens: (id) => state.accounts.revokeAccessTokens(id),
    revokeRefreshToken: (id) => state.accounts.revokeRefreshToken(id),
    expireClientRegistration: (clientId) => state.accounts.clients.expire(clientId),
    injectFault: (rule) => state.faults.add(rule),
    clearFaults: () => state.faults.clear(),
    approveDeviceAuthorization: (userCode, account) => {
      const flow = pendingFlow(userCode);
      flow.status = 'approved';
      flow.account = account;
    },
    denyDeviceAuthorization: (userCode) => {
      pendingFlow(userCode).status = 'denied';
    },
    reset: () => state.reset(),
    close: options.close,
  };
}
