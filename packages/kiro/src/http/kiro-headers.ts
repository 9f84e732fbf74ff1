import { randomBytes, randomUUID } from 'node:crypto';
import { platform, release } from 'node:os';

import { tokenTypeOf, type KiroAuthMethod } from '../account';

/** How we introduce ourselves, the way the Kiro IDE (a Node AWS SDK client) does. */
export interface KiroUserAgentOptions {
  /** The Kiro IDE version in the user agent. Default {@link defaultKiroVersion}. */
  kiroVersion?: string;
  /** `os/<value>` token; default this host's platform and release. */
  os?: string;
  /** `md/nodejs#<value>` token; default this Node version. */
  nodeVersion?: string;
}

export const defaultKiroVersion = '0.11.107';
const streamingSdkVersion = '1.0.34';
const runtimeSdkVersion = '1.0.0';

/** A new random machine id: 64 lowercase hex characters, like Kiro's own. */
export function generateMachineId(): string {
  return randomBytes(32).toString('hex');
}

function withTokenType(headers: Record<string, string>, authMethod: KiroAuthMethod): void {
  const tokenType = tokenTypeOf(authMethod);
  if (tokenType !== undefined) headers.tokentype = tokenType;
}

export class KiroHeaders {
  readonly kiroVersion: string;
  readonly #os: string;
  readonly #node: string;

  constructor(options: KiroUserAgentOptions = {}) {
    this.kiroVersion = options.kiroVersion ?? defaultKiroVersion;
    this.#os = options.os ?? `${platform()}#${release()}`;
    this.#node = options.nodeVersion ?? process.versions.node;
  }

  /** Headers of the chat call (`codewhispererstreaming`). */
  chat(options: {
    accessToken: string;
    machineId: string;
    attempt: number;
    authMethod: KiroAuthMethod;
  }) {
    const kiro = `KiroIDE-${this.kiroVersion}-${options.machineId}`;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: '*/*',
      authorization: `Bearer ${options.accessToken}`,
      'x-amzn-codewhisperer-optout': 'true',
      'x-amzn-kiro-agent-mode': 'vibe',
      'amz-sdk-invocation-id': randomUUID(),
      'amz-sdk-request': `attempt=${options.attempt}; max=2`,
      'x-amz-user-agent': `aws-sdk-js/${streamingSdkVersion} ${kiro}`,
      'user-agent': `aws-sdk-js/${streamingSdkVersion} ua/2.1 os/${this.#os} lang/js md/nodejs#${this.#node} api/codewhispererstreaming#${streamingSdkVersion} m/E ${kiro}`,
    };
    withTokenType(headers, options.authMethod);
    return headers;
  }

  /** Headers of the runtime calls: usage limits, models, profiles (`codewhispererruntime`). */
  runtime(options: { accessToken: string; machineId: string; authMethod: KiroAuthMethod }) {
    const kiro = `KiroIDE-${this.kiroVersion}-${options.machineId}`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${options.accessToken}`,
      'amz-sdk-invocation-id': randomUUID(),
      'amz-sdk-request': 'attempt=1; max=1',
      'x-amz-user-agent': `aws-sdk-js/${runtimeSdkVersion} ${kiro}`,
      'user-agent': `aws-sdk-js/${runtimeSdkVersion} ua/2.1 os/${this.#os} lang/js md/nodejs#${this.#node} api/codewhispererruntime#${runtimeSdkVersion} m/N,E ${kiro}`,
    };
    withTokenType(headers, options.authMethod);
    return headers;
  }

  /** Headers of the social auth service (`/refreshToken`, `/oauth/token`). */
  socialAuth(machineId: string | undefined) {
    return {
      'content-type': 'application/json',
      accept: 'application/json, text/plain, */*',
      'user-agent': machineId
        ? `KiroIDE-${this.kiroVersion}-${machineId}`
        : `KiroIDE-${this.kiroVersion}`,
    };
  }

  /** Headers of SSO-OIDC calls (the Kiro IDE uses the browser SDK). */
  oidc() {
    return {
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent':
        'aws-sdk-js/3.738.0 ua/2.1 os/other lang/js md/browser#unknown_unknown api/sso-oidc#3.738.0 m/E KiroIDE',
    };
  }
}
