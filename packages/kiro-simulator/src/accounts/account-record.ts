import {
  apiRegions,
  type AddAccountOptions,
  type ApiRegion,
  type AuthMethod,
  type KiroTokenFile,
} from './account-types';
import type { OidcClient } from './oidc-clients';
import { monthlyCreditsOf, type Plan } from './plans';
import { nextMonthStart, type UsageState } from './usage';

/** The shared profile ARN every social account uses (kiro-protocol.md §2.7). */
export const socialProfileArn = 'arn:aws:codewhisperer:us-east-1:699475941385:profile/EHGA3GRVQMUK';
/** The placeholder some clients send for Builder ID; accepted for Builder ID, refused for IdC. */
export const builderIdPlaceholderArn =
  'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX';

const dayMs = 86_400_000;

/** A simulated account and its newest credentials, as a client that persisted every refresh holds them. */
export interface AccountRecord {
  id: string;
  authMethod: AuthMethod;
  plan: Plan;
  region: ApiRegion;
  ssoRegion: string | undefined;
  provider: KiroTokenFile['provider'];
  startUrl: string | undefined;
  profileArn: string | undefined;
  /** External IdP: the Entra tenant and the application id its refresh must name. */
  tenant: string | undefined;
  externalClientId: string | undefined;
  userId: string;
  email: string;
  client: OidcClient | undefined;
  usage: UsageState;
  suspended: boolean;
  accessTokenLifetimeSeconds: number;
  rotateRefreshToken: boolean;
  omitRefreshTokenOnRefresh: boolean;
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken: string;
}

export function ssoRegionFor(input: AddAccountOptions): string | undefined {
  switch (input.authMethod) {
    case 'social':
    case 'api-key':
    case 'external-idp':
      return undefined;
    case 'builder-id':
      if (input.ssoRegion !== undefined && input.ssoRegion !== 'us-east-1') {
        throw new Error('Builder ID always uses the us-east-1 OIDC region');
      }
      return 'us-east-1';
    case 'idc':
      return input.ssoRegion ?? 'us-east-2';
  }
}

function providerFor(input: AddAccountOptions): KiroTokenFile['provider'] {
  switch (input.authMethod) {
    case 'social':
      return input.provider ?? 'Google';
    case 'builder-id':
      return 'BuilderId';
    case 'idc':
      return 'Enterprise';
    case 'external-idp':
      return 'ExternalIdp';
    case 'api-key':
      return 'ApiKey';
  }
}

function startUrlFor(input: AddAccountOptions): string | undefined {
  switch (input.authMethod) {
    case 'social':
    case 'api-key':
    case 'external-idp':
      return undefined;
    case 'builder-id':
      return 'https://view.awsapps.com/start';
    case 'idc':
      return input.startUrl ?? 'https://d-9067000000.awsapps.com/start';
  }
}

function profileArnFor(authMethod: AuthMethod, region: ApiRegion, n: number): string | undefined {
  switch (authMethod) {
    case 'social':
      return socialProfileArn;
    case 'builder-id':
    case 'api-key':
      return undefined;
    case 'idc':
    case 'external-idp': {
      const awsAccount = String(100000000000 + n * 7919);
      const profileId = `SIM${n.toString(36).toUpperCase().padStart(7, '0')}`;
      return `arn:aws:codewhisperer:${region}:${awsAccount}:profile/${profileId}`;
    }
  }
}

function usageFor(input: AddAccountOptions, plan: Plan, now: number): UsageState {
  const nextResetAt = nextMonthStart(now);
  const trial = input.freeTrial;
  return {
    base: {
      usageLimit: input.usageLimit ?? monthlyCreditsOf(plan),
      currentUsage: input.currentUsage ?? 0,
    },
    freeTrial:
      trial === false || (trial === undefined && plan !== 'FREE')
        ? undefined
        : {
            usageLimit: trial?.usageLimit ?? 500,
            currentUsage: trial?.currentUsage ?? 0,
            expiresAt: trial?.expiresAt ?? now + 14 * dayMs,
          },
    bonuses: (input.bonuses ?? []).map((bonus) => ({
      bonusCode: bonus.bonusCode,
      displayName: bonus.displayName ?? bonus.bonusCode,
      usageLimit: bonus.usageLimit,
      currentUsage: bonus.currentUsage ?? 0,
      expiresAt: bonus.expiresAt ?? nextResetAt,
    })),
    nextResetAt,
  };
}

/** The `n`th account of a store, without credentials yet. */
export function createAccountRecord(options: {
  input: AddAccountOptions;
  n: number;
  now: number;
  client: OidcClient | undefined;
  accessTokenLifetimeSeconds: number;
}): AccountRecord {
  const { input, n } = options;
  const plan = input.plan ?? 'PRO';
  const region = input.region ?? 'us-east-1';
  if (!apiRegions.includes(region)) throw new Error(`No Kiro API in region ${String(region)}`);
  if (input.authMethod === 'social' && region !== 'us-east-1') {
    throw new Error('Social accounts live in us-east-1');
  }
  return {
    id: `acct-${n}`,
    authMethod: input.authMethod,
    plan,
    region,
    ssoRegion: ssoRegionFor(input),
    provider: providerFor(input),
    startUrl: startUrlFor(input),
    profileArn: profileArnFor(input.authMethod, region, n),
    tenant: input.authMethod === 'external-idp' ? (input.tenant ?? 'organizations') : undefined,
    externalClientId:
      input.authMethod === 'external-idp'
        ? `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
        : undefined,
    userId: `d-${String(9067000000 + n)}.${n.toString(16).padStart(8, '0')}`,
    email: input.email ?? `user${n}@example.com`,
    client: options.client,
    usage: usageFor(input, plan, options.now),
    suspended: false,
    accessTokenLifetimeSeconds:
      input.accessTokenLifetimeSeconds ?? options.accessTokenLifetimeSeconds,
    rotateRefreshToken: input.rotateRefreshToken ?? true,
    omitRefreshTokenOnRefresh: input.omitRefreshTokenOnRefresh ?? false,
    accessToken: '',
    accessTokenExpiresAt: 0,
    refreshToken: '',
  };
}
