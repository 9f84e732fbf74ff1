import { randomBytes } from 'node:crypto';

import type { SecretBox } from '@octoproxy/auth';
import { InvalidRequestError } from '@octoproxy/converters';
import {
  isKiroError,
  type KiroAccount,
  type KiroClient,
  type KiroCredentials,
} from '@octoproxy/kiro';
import type {
  Account,
  AccountAuthMethod,
  AccountPatch,
  AccountProvider,
  NewAccount,
  Storage,
} from '@octoproxy/storage';
import { newId } from '@octoproxy/storage';

import {
  openAllCredentials,
  sealCredentials,
  toStoredCredentials,
  type StoredCredentials,
} from './stored-credentials';

/** What onboarding needs: storage, the secret box, the Kiro client, and the pool's reload. */
export interface OnboardingDeps {
  storage: Storage;
  box: SecretBox;
  kiro: KiroClient;
  /** Tells the pool the stored accounts changed. */
  reload: () => Promise<void>;
}

/** An account as a sign-in, a pasted token file, an API key or an import yields it, not yet checked. */
export interface AccountCandidate {
  authMethod: AccountAuthMethod;
  provider: AccountProvider | null;
  credentials: KiroCredentials;
  /** SSO-OIDC region (Builder ID: us-east-1; IdC: the organisation's). Never the API region. */
  ssoRegion?: string | null | undefined;
  /** API region when known; else found by the profile lookup (IdC) or defaulted. */
  apiRegion?: string | null | undefined;
  startUrl?: string | null | undefined;
  profileArn?: string | null | undefined;
  /** Egress proxy the validation calls (and later traffic) go through. */
  proxyUrl?: string | null | undefined;
}

/** A candidate Kiro accepted: fresh credentials, and what the account is. */
export interface ValidatedAccount {
  authMethod: AccountAuthMethod;
  provider: AccountProvider | null;
  credentials: KiroCredentials;
  /** The refresh token the candidate came with (a refresh during validation may have rotated it). */
  originalRefreshToken: string | undefined;
  ssoRegion: string | null;
  apiRegion: string;
  startUrl: string | null;
  profileArn: string | null;
  proxyUrl: string | null;
  email: string | null;
  plan: string | null;
  entitlements: string[];
}

/** The admin's settings for a new account; everything optional. */
export interface AccountSettings {
  name?: string | undefined;
  proxyUrl?: string | null | undefined;
  allowedModels?: string[] | null | undefined;
  weight?: number | undefined;
  concurrencyCap?: number | null | undefined;
  healthCheckEnabled?: boolean | undefined;
  healthCheckModel?: string | null | undefined;
}

/**
 * What to do when the account is already in the pool: `update` its credentials, `create` another
 * anyway, `skip` it, or `report` it to the caller and store nothing (a sign-in asks the admin).
 */
export type DuplicatePolicy = 'update' | 'create' | 'skip' | 'report';

export type OnboardResult =
  | { status: 'created' | 'updated'; account: Account; validated: ValidatedAccount }
  | { status: 'duplicate'; duplicateOf: Account; validated: ValidatedAccount };

const apiRegions = ['us-east-1', 'eu-central-1'] as const;

/** ZKRS's order: eu-* SSO regions try eu-central-1 first, the others us-east-1 (kiro-protocol.md §1.6). */
export function apiRegionCandidates(ssoRegion: string | null | undefined): string[] {
  return ssoRegion?.startsWith('eu-')
    ? ['eu-central-1', 'us-east-1']
    : ['us-east-1', 'eu-central-1'];
}

function validationFailure(step: string, error: unknown): InvalidRequestError {
  const reason = isKiroError(error)
    ? `${error.message} (${error.reason})`
    : error instanceof Error
      ? error.message
      : String(error);
  return new InvalidRequestError({
    code: 'account_invalid',
    message: `Kiro did not accept the account (${step}): ${reason}`,
    cause: error,
  });
}

/** Whether Kiro answered "this token belongs to the other API region" (403 Invalid token, or no host). */
function isWrongRegion(error: unknown): boolean {
  return isKiroError(error) && (error.reason === 'wrong_region' || error.reason === 'unknown_host');
}

/** IdC and external-IdP accounts: the profile ARN from ListAvailableProfiles, trying both API regions. */
async function lookUpProfile(
  kiro: KiroClient,
  account: KiroAccount,
  regions: readonly string[],
): Promise<{ profileArn: string; apiRegion: string }> {
  let lastError: unknown;
  for (const apiRegion of regions) {
    try {
      const profiles = await kiro.listAvailableProfiles({ account: { ...account, apiRegion } });
      const first = profiles[0];
      if (first === undefined) throw new Error('the account has no Kiro profile');
      return { profileArn: first.arn, apiRegion: first.region ?? apiRegion };
    } catch (error) {
      lastError = error;
      if (!isWrongRegion(error)) break;
    }
  }
  throw validationFailure('profile lookup', lastError);
}

/**
 * Checks a candidate with Kiro the way the pool will use it: a token refresh (API keys have none),
 * the profile lookup for IdC and external-IdP accounts, usage limits (which name the e-mail and the
 * plan) and the model list (the entitlements).
 * @throws InvalidRequestError (400 `account_invalid`) naming the step Kiro refused.
 */
export async function validateAccount(
  deps: Pick<OnboardingDeps, 'kiro'>,
  candidate: AccountCandidate,
): Promise<ValidatedAccount> {
  const { kiro } = deps;
  // A throwaway id: the client's token cache is per id, and this account is not stored yet.
  let account: KiroAccount = {
    id: `onboarding-${randomBytes(9).toString('base64url')}`,
    authMethod: candidate.authMethod,
    apiRegion: candidate.apiRegion ?? undefined,
    ssoRegion: candidate.ssoRegion ?? undefined,
    profileArn: candidate.profileArn ?? undefined,
    proxyUrl: candidate.proxyUrl ?? undefined,
    // No expiry of its own: the token manager prefers a caller's copy that expires later than its
    // refresh, and a file's claimed expiry (far in the future, or stale) must never win over the
    // tokens the validating refresh just issued.
    credentials: { ...candidate.credentials, expiresAt: undefined },
  };
  if (candidate.authMethod === 'api-key') {
    if (!candidate.credentials.accessToken?.startsWith('ksk_')) {
      throw new InvalidRequestError({
        code: 'account_invalid',
        message: 'A Kiro API key starts with ksk_.',
      });
    }
  } else {
    try {
      await kiro.tokens.forceRefresh(account, {
        rejectedToken: candidate.credentials.accessToken ?? '',
      });
    } catch (error) {
      throw validationFailure('token refresh', error);
    }
    const refreshed = kiro.tokens.credentialsOf(account);
    account = { ...account, credentials: refreshed };
  }
  let apiRegion = candidate.apiRegion ?? undefined;
  let profileArn = candidate.profileArn ?? undefined;
  if ((candidate.authMethod === 'idc' || candidate.authMethod === 'external-idp') && !profileArn) {
    const regions = apiRegion ? [apiRegion] : apiRegionCandidates(candidate.ssoRegion);
    const found = await lookUpProfile(kiro, account, regions);
    profileArn = found.profileArn;
    apiRegion = (apiRegions as readonly string[]).includes(found.apiRegion)
      ? found.apiRegion
      : regions[0];
  }
  account = { ...account, profileArn, apiRegion };
  const usage = await kiro.getUsageLimits({ account }).catch((error: unknown) => {
    throw validationFailure('usage limits', error);
  });
  const models = await kiro.listAvailableModels({ account }).catch((error: unknown) => {
    throw validationFailure('model list', error);
  });
  return {
    authMethod: candidate.authMethod,
    provider: candidate.provider,
    credentials: account.credentials,
    originalRefreshToken: candidate.credentials.refreshToken,
    ssoRegion: candidate.ssoRegion ?? null,
    apiRegion: apiRegion ?? apiRegionCandidates(candidate.ssoRegion)[0]!,
    startUrl: candidate.startUrl ?? null,
    profileArn: profileArn ?? null,
    proxyUrl: candidate.proxyUrl ?? null,
    email: usage.email ?? null,
    plan: usage.subscriptionTitle ?? usage.plan,
    entitlements: models.models.map((model) => model.modelId),
  };
}

function storedOf(validated: ValidatedAccount): StoredCredentials {
  return toStoredCredentials({
    credentials: validated.credentials,
    authMethod: validated.authMethod,
    provider: validated.provider,
    ssoRegion: validated.ssoRegion,
    startUrl: validated.startUrl,
    profileArn: validated.profileArn,
  });
}

/**
 * The stored account this one duplicates: the same refresh token (or API key), compared on the
 * opened credentials, or the same e-mail with the same sign-in method.
 */
export async function findDuplicate(
  deps: Pick<OnboardingDeps, 'storage' | 'box'>,
  validated: ValidatedAccount,
): Promise<Account | undefined> {
  const accounts = await deps.storage.accounts.listAll();
  const opened = await openAllCredentials(deps.storage, deps.box);
  const tokens = new Set(
    [
      validated.originalRefreshToken,
      validated.credentials.refreshToken,
      validated.authMethod === 'api-key' ? validated.credentials.accessToken : undefined,
    ].filter((token): token is string => typeof token === 'string' && token !== ''),
  );
  const byToken = accounts.find((account) => {
    const stored = opened.get(account.id);
    const refresh = stored?.refreshToken;
    const key =
      account.authMethod === 'api-key' ? (stored?.apiKey ?? stored?.accessToken) : undefined;
    return (
      (typeof refresh === 'string' && tokens.has(refresh)) ||
      (typeof key === 'string' && tokens.has(key))
    );
  });
  if (byToken !== undefined) return byToken;
  const email = validated.email?.toLowerCase();
  if (email === undefined) return undefined;
  return accounts.find(
    (account) =>
      account.email?.toLowerCase() === email && account.authMethod === validated.authMethod,
  );
}

/** The row of a new account: named by its e-mail unless the admin gave a name. */
export function newAccountOf(
  deps: Pick<OnboardingDeps, 'box'>,
  validated: ValidatedAccount,
  settings: AccountSettings = {},
): NewAccount {
  const id = newId();
  return {
    id,
    name: settings.name ?? validated.email ?? `Kiro ${validated.authMethod} account`,
    authMethod: validated.authMethod,
    provider: validated.provider,
    region: validated.apiRegion,
    ssoRegion: validated.ssoRegion,
    startUrl: validated.startUrl,
    encryptedCredentials: sealCredentials(deps.box, id, storedOf(validated)),
    profileArn: validated.profileArn,
    machineId: randomBytes(32).toString('hex'),
    proxyUrl: settings.proxyUrl ?? validated.proxyUrl,
    email: validated.email,
    plan: validated.plan,
    entitlements: validated.entitlements,
    allowedModels: settings.allowedModels ?? null,
    weight: settings.weight ?? 1,
    concurrencyCap: settings.concurrencyCap ?? null,
    healthCheckEnabled: settings.healthCheckEnabled ?? true,
    healthCheckModel: settings.healthCheckModel ?? null,
  };
}

/** Gives an existing account the validated credentials and identity; its settings and name stay. */
export async function updateAccountWith(
  deps: Pick<OnboardingDeps, 'storage' | 'box' | 'reload'>,
  accountId: string,
  validated: ValidatedAccount,
): Promise<Account> {
  const patch: AccountPatch = {
    encryptedCredentials: sealCredentials(deps.box, accountId, storedOf(validated)),
    authMethod: validated.authMethod,
    provider: validated.provider,
    region: validated.apiRegion,
    ssoRegion: validated.ssoRegion,
    startUrl: validated.startUrl,
    profileArn: validated.profileArn,
    email: validated.email,
    plan: validated.plan,
    entitlements: validated.entitlements,
  };
  const account = await deps.storage.accounts.update(accountId, patch);
  if (account === undefined) {
    throw new InvalidRequestError({
      code: 'conflict',
      message: 'The account to update no longer exists.',
    });
  }
  await deps.reload();
  return account;
}

/**
 * Validates an account with Kiro and stores it (named by its e-mail unless `settings.name`), or
 * handles a duplicate as `onDuplicate` says. The one entry point for sign-ins, direct adds
 * (API keys, token files) and imports.
 * @throws InvalidRequestError (400) when Kiro refuses the account.
 */
export async function onboardAccount(
  deps: OnboardingDeps,
  candidate: AccountCandidate,
  options: { settings?: AccountSettings; onDuplicate: DuplicatePolicy },
): Promise<OnboardResult> {
  const validated = await validateAccount(deps, candidate);
  const duplicate =
    options.onDuplicate === 'create' ? undefined : await findDuplicate(deps, validated);
  if (duplicate !== undefined) {
    if (options.onDuplicate === 'update') {
      return {
        status: 'updated',
        account: await updateAccountWith(deps, duplicate.id, validated),
        validated,
      };
    }
    return { status: 'duplicate', duplicateOf: duplicate, validated };
  }
  const account = await deps.storage.accounts.create(
    newAccountOf(deps, validated, options.settings),
  );
  await deps.reload();
  return { status: 'created', account, validated };
}
