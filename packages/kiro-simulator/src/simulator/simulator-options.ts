import type { AddAccountOptions } from '../accounts/account-types';
import type { RequestLogOptions } from '../log/request-log';
import type { SimulatedModel } from '../models/model-catalog';

export interface DeviceFlowOptions {
  /** `authorization_pending` answers before the flow approves itself; `null` waits for an approve call. Default 2. */
  pollsBeforeApproval?: number | null;
  /** The `interval` returned, in seconds; default 1 (the real service says 5). */
  intervalSeconds?: number;
  /** The `expiresIn` returned, in seconds; default 600. */
  expiresInSeconds?: number;
  /** Answer `slow_down` (and add 5 s to the interval) to polls faster than the interval; default false. */
  enforceInterval?: boolean;
}

export interface KiroSimulatorOptions {
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Seeds probabilistic faults and generated ids; default 1. */
  seed?: number;
  /** Clock (epoch ms) for token expiry, usage resets and device flows; default `Date.now`. */
  now?: () => number;
  /** Access-token lifetime; default 3600 s. */
  accessTokenLifetimeSeconds?: number;
  /** Delay before the first frame of every answer; default 0. */
  firstTokenDelayMs?: number;
  /** Output pace after the first frame; default `Infinity` (no pacing). */
  tokensPerSecond?: number;
  /** Which form default thinking takes when a request asks for it; default `inline` (`<thinking>` tags). */
  thinkingForm?: 'inline' | 'native';
  /** Require `amz-sdk-invocation-id` and `amz-sdk-request` on API calls (403 otherwise); default true. */
  strictHeaders?: boolean;
  /** Chat bodies above this many bytes answer "Input is too long."; default 600 000. */
  maxBodyBytes?: number;
  /** The served models; default `defaultModels`. */
  models?: readonly SimulatedModel[];
  deviceFlow?: DeviceFlowOptions;
  /** Plan and limits of accounts created by the login flows; default `{ plan: 'PRO' }`. */
  loginAccount?: Omit<AddAccountOptions, 'authMethod'>;
  requestLog?: RequestLogOptions;
}

export interface SimulatorSettings {
  accessTokenLifetimeSeconds: number;
  firstTokenDelayMs: number;
  tokensPerSecond: number;
  thinkingForm: 'inline' | 'native';
  strictHeaders: boolean;
  maxBodyBytes: number;
  deviceFlow: Required<DeviceFlowOptions>;
  loginAccount: Omit<AddAccountOptions, 'authMethod'>;
}

export function resolveSettings(options: KiroSimulatorOptions): SimulatorSettings {
  return {
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    firstTokenDelayMs: options.firstTokenDelayMs ?? 0,
    tokensPerSecond: options.tokensPerSecond ?? Infinity,
    thinkingForm: options.thinkingForm ?? 'inline',
    strictHeaders: options.strictHeaders ?? true,
    maxBodyBytes: options.maxBodyBytes ?? 600_000,
    deviceFlow: {
      pollsBeforeApproval:
        options.deviceFlow?.pollsBeforeApproval === undefined
          ? 2
          : options.deviceFlow.pollsBeforeApproval,
      intervalSeconds: options.deviceFlow?.intervalSeconds ?? 1,
      expiresInSeconds: options.deviceFlow?.expiresInSeconds ?? 600,
      enforceInterval: options.deviceFlow?.enforceInterval ?? false,
    },
    loginAccount: options.loginAccount ?? { plan: 'PRO' },
  };
}
