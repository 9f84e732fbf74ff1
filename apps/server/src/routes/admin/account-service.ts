import { randomBytes } from 'node:crypto';

import type { SecretBox } from '@octoproxy/auth';
import { apiRegionOf } from '@octoproxy/kiro';
import type {
  Account,
  AccountAuthMethod,
  AccountPatch,
  AccountProvider,
  NewAccount,
  Storage,
} from '@octoproxy/storage';
import { newId } from '@octoproxy/storage';

import type { KiroCredentials, ProviderInput, ProviderPatch } from './schemas/provider-schemas';

/** The upstream side of account administration (Kiro client and pool), wired by the runtime. */
export interface AccountUpstream {
  /** A health check that costs no quota where possible; resolves with the verdict. */
  healthCheck(accountId: string): Promise<{ healthy: boolean; error: string | null }>;
  /** Forces a token refresh; resolves with the new expiry (epoch ms) when known. */
  refreshToken(accountId: string): Promise<{ expiresAt: number | null }>;
  /** Fetches quota, plan and entitlements now and stores them. */
  syncUsage(accountId: string): Promise<void>;
  /** Clears every exclusion of the account (cooldown, quarantine, unhealthy, quota block). */
  reset(accountId: string): Promise<void>;
  /** Tells the pool the stored accounts changed (created, edited, deleted). */
  reload(): Promise<void>;
}

export interface AccountService extends AccountUpstream {
  create(input: ProviderInput): Promise<Account>;
  createMany(inputs: readonly ProviderInput[]): Promise<Account[]>;
  update(id: string, patch: ProviderPatch): Promise<Account | undefined>;
  remove(id: string): Promise<boolean>;
}

/** Where credentials of account `id` are bound: a ciphertext moved to another row does not open. */
export function credentialsAssociatedData(accountId: string): string {
  return `account:${accountId}:credentials`;
}

function authMethodOf(credentials: KiroCredentials): AccountAuthMethod {
  const method = credentials.authMethod?.toLowerCase().replace(/[_\s]/g, '-');
  if (method === 'social') return 'social';
  if (method === 'idc' || method === 'iam-identity-center') return 'idc';
  if (method === 'builder-id' || method === 'builderid') return 'builder-id';
  return credentials.clientId !== undefined && credentials.clientSecret !== undefined
    ? 'builder-id'
    : 'social';
}

function providerOf(credentials: KiroCredentials): AccountProvider | null {
  const known: readonly AccountProvider[] = ['Google', 'Github', 'BuilderId', 'Enterprise'];
  return known.find((entry) => entry.toLowerCase() === credentials.provider?.toLowerCase()) ?? null;
}

/**
 * A token file's `region` is where it was issued: for Builder ID and IdC that is the SSO-OIDC
 * region, not the API's (Kiro serves only us-east-1 and eu-central-1). The API region is the
 * caller's, else the profile ARN's, else the one nearest the SSO region.
 */
export function regionsOf(
  input: Pick<ProviderInput, 'region' | 'ssoRegion' | 'credentials'>,
  authMethod: AccountAuthMethod,
): { apiRegion: string; ssoRegion: string | null } {
  const fileRegion = input.credentials.region;
  if (authMethod !== 'builder-id' && authMethod !== 'idc') {
    return {
      apiRegion: input.region ?? fileRegion ?? 'us-east-1',
      ssoRegion: input.ssoRegion ?? null,
    };
  }
  const ssoRegion = input.ssoRegion ?? fileRegion ?? 'us-east-1';
  const apiRegion = apiRegionOf({
    id: '',
    authMethod,
    apiRegion: input.region,
    ssoRegion,
    profileArn: input.credentials.profileArn,
    credentials: {},
  });
  return { apiRegion, ssoRegion };
}

/** Creates, edits and deletes accounts: credentials sealed before storage, the pool told after. */
export function createAccountService(options: {
  storage: Storage;
  box: SecretBox;
  upstream: AccountUpstream;
}): AccountService {
  const { storage, box, upstream } = options;

  const toNewAccount = (input: ProviderInput): NewAccount => {
    const id = newId();
    const authMethod = authMethodOf(input.credentials);
    const regions = regionsOf(input, authMethod);
    return {
      id,
      name: input.name ?? `Kiro ${authMethod} account`,
      authMethod,
      provider: providerOf(input.credentials),
      region: regions.apiRegion,
      ssoRegion: regions.ssoRegion,
      startUrl: typeof input.credentials.startUrl === 'string' ? input.credentials.startUrl : null,
      encryptedCredentials: box.seal(
        JSON.stringify(input.credentials),
        credentialsAssociatedData(id),
      ),
      profileArn: input.credentials.profileArn ?? null,
      machineId: randomBytes(32).toString('hex'),
      proxyUrl: input.proxyUrl ?? null,
      allowedModels: input.allowedModels ?? null,
      weight: input.weight ?? 1,
      concurrencyCap: input.concurrencyCap ?? null,
      healthCheckEnabled: input.checkHealth ?? true,
      healthCheckModel: input.checkModelName ?? null,
    };
  };

  return {
    ...upstream,
    async create(input) {
      const account = await storage.accounts.create(toNewAccount(input));
      await upstream.reload();
      return account;
    },
    async createMany(inputs) {
      const accounts = await storage.accounts.createMany(inputs.map(toNewAccount));
      await upstream.reload();
      return accounts;
    },
    async update(id, patch) {
      const changes: AccountPatch = {};
      if (patch.name !== undefined) changes.name = patch.name;
      if (patch.region !== undefined) changes.region = patch.region;
      if (patch.ssoRegion !== undefined) changes.ssoRegion = patch.ssoRegion;
      if (patch.proxyUrl !== undefined) changes.proxyUrl = patch.proxyUrl;
      if (patch.allowedModels !== undefined) changes.allowedModels = patch.allowedModels;
      if (patch.weight !== undefined) changes.weight = patch.weight;
      if (patch.concurrencyCap !== undefined) changes.concurrencyCap = patch.concurrencyCap;
      if (patch.isDisabled !== undefined) changes.disabled = patch.isDisabled;
      if (patch.checkHealth !== undefined) changes.healthCheckEnabled = patch.checkHealth;
      if (patch.checkModelName !== undefined) changes.healthCheckModel = patch.checkModelName;
      if (patch.credentials !== undefined) {
        changes.encryptedCredentials = box.seal(
          JSON.stringify(patch.credentials),
          credentialsAssociatedData(id),
        );
        changes.authMethod = authMethodOf(patch.credentials);
        if (patch.credentials.profileArn !== undefined) {
          changes.profileArn = patch.credentials.profileArn;
        }
      }
      const account = await storage.accounts.update(id, changes);
      if (account !== undefined) await upstream.reload();
      return account;
    },
    async remove(id) {
      const removed = await storage.accounts.delete(id);
      if (removed) await upstream.reload();
      return removed;
    },
  };
}
