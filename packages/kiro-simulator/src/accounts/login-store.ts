import type { AddAccountOptions } from './account-types';
import { newOpaqueId } from './secrets';

const codeLifetimeMs = 10 * 60_000;

/** A pending authorization code of the social PKCE login or the OIDC authorization-code login. */
export interface AuthorizationCode {
  code: string;
  codeChallenge: string;
  redirectUri: string;
  expiresAt: number;
  /** Social: the identity provider; OIDC: the client the code was issued to. */
  provider?: 'Google' | 'Github';
  clientId?: string;
  region: string;
}

export type DeviceFlowStatus = 'pending' | 'approved' | 'denied' | 'consumed';

export interface DeviceFlow {
  deviceCode: string;
  userCode: string;
  clientId: string;
  region: string;
  startUrl: string;
  expiresAt: number;
  intervalSeconds: number;
  polls: number;
  lastPollAt: number | undefined;
  status: DeviceFlowStatus;
  /** Plan and limits of the account an approval creates. */
  account: Omit<AddAccountOptions, 'authMethod'> | undefined;
}

const userCodeAlphabet = 'BCDFGHJKLMNPQRSTVWXZ';

/** Authorization codes and device flows in progress. */
export class LoginStore {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly flows = new Map<string, DeviceFlow>();

  constructor(private readonly now: () => number) {}

  issueCode(fields: Omit<AuthorizationCode, 'code' | 'expiresAt'>): AuthorizationCode {
    const code: AuthorizationCode = {
      ...fields,
      code: newOpaqueId(32),
      expiresAt: this.now() + codeLifetimeMs,
    };
    this.codes.set(code.code, code);
    return code;
  }

  /** Takes a code out (codes are single use); undefined when unknown, used or expired. */
  redeemCode(code: string): AuthorizationCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found !== undefined && this.now() < found.expiresAt ? found : undefined;
  }

  startDeviceFlow(
    fields: Pick<DeviceFlow, 'clientId' | 'region' | 'startUrl' | 'intervalSeconds'> & {
      expiresInSeconds: number;
    },
  ): DeviceFlow {
    const pick = (n: number): string =>
      Array.from(
        { length: n },
        () => userCodeAlphabet[Math.floor(Math.random() * userCodeAlphabet.length)],
      ).join('');
    const flow: DeviceFlow = {
      deviceCode: newOpaqueId(48),
      userCode: `${pick(4)}-${pick(4)}`,
      clientId: fields.clientId,
      region: fields.region,
      startUrl: fields.startUrl,
      expiresAt: this.now() + fields.expiresInSeconds * 1000,
      intervalSeconds: fields.intervalSeconds,
      polls: 0,
      lastPollAt: undefined,
      status: 'pending',
      account: undefined,
    };
    this.flows.set(flow.deviceCode, flow);
    return flow;
  }

  flowByDeviceCode(deviceCode: string): DeviceFlow | undefined {
    return this.flows.get(deviceCode);
  }

  flowByUserCode(userCode: string): DeviceFlow | undefined {
    return [...this.flows.values()].find((flow) => flow.userCode === userCode);
  }

  /** The most recent flow still waiting for the user, if any. */
  latestPendingFlow(): DeviceFlow | undefined {
    return [...this.flows.values()].filter((flow) => flow.status === 'pending').at(-1);
  }
}
