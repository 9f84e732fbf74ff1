import type { Page, PageRequest } from '../paging';

export type AccountAuthMethod = 'social' | 'builder-id' | 'idc' | 'api-key' | 'external-idp';
/** Where a social or SSO login came from, as Kiro names it. */
export type AccountProvider = 'Google' | 'Github' | 'BuilderId' | 'Enterprise' | 'ExternalIdp';
export type AccountHealthState = 'healthy' | 'recovering' | 'unhealthy';

/**
 * An upstream Kiro account (the seed's "provider"). The encrypted credentials are not part of it:
 * read them with `getEncryptedCredentials`.
 */
export interface Account {
  id: string;
  name: string;
  authMethod: AccountAuthMethod;
  provider: AccountProvider | null;
  /** API region, e.g. `us-east-1`. */
  region: string;
  /** SSO-OIDC region for Builder ID / IAM Identity Center, when it differs from the API region. */
  ssoRegion: string | null;
  /** IAM Identity Center start URL (`https://…awsapps.com/start`), when known. */
  startUrl: string | null;
  profileArn: string | null;
  machineId: string | null;
  /** Egress proxy for this account's upstream traffic (http, https or socks5 URL). */
  proxyUrl: string | null;
  email: string | null;
  /** Plan name from the usage API, e.g. `FREE`, `PRO`. */
  plan: string | null;
  /** Model ids the plan allows (ListAvailableModels); null = not synced yet. */
  entitlements: string[] | null;
  /** The admin's allow-list; null = every entitled model. */
  allowedModels: string[] | null;
  disabled: boolean;
  healthState: AccountHealthState;
  consecutiveErrors: number;
  errorCount: number;
  lastError: string | null;
  lastErrorAt: number | null;
  cooldownUntil: number | null;
  cooldownReason: string | null;
  quarantined: boolean;
  quarantineReason: string | null;
  usageUsed: number | null;
  usageLimit: number | null;
  /** The last usage-limits answer, as the caller shaped it. */
  usageDetail: unknown;
  usageSyncedAt: number | null;
  usageResetsAt: number | null;
  /**
   * The pool's whole runtime state for this account (strikes, ejections, probe backoff …), as the
   * pool saved it; null until it first does. Opaque here: the pool validates what it reads back.
   */
  poolState: unknown;
  /** Includes uses still waiting in the write-behind queue. */
  lastUsedAt: number | null;
  useCount: number;
  weight: number;
  concurrencyCap: number | null;
  healthCheckEnabled: boolean;
  healthCheckModel: string | null;
  lastHealthCheckAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewAccount {
  /** Optional: take one from `newId()` first when the id is bound into the ciphertext. */
  id?: string;
  name: string;
  authMethod: AccountAuthMethod;
  provider?: AccountProvider | null;
  region: string;
  ssoRegion?: string | null;
  startUrl?: string | null;
  /** Ciphertext from the secret box; storage never sees the plaintext. */
  encryptedCredentials: string;
  profileArn?: string | null;
  machineId?: string | null;
  proxyUrl?: string | null;
  email?: string | null;
  plan?: string | null;
  entitlements?: string[] | null;
  allowedModels?: string[] | null;
  disabled?: boolean;
  weight?: number;
  concurrencyCap?: number | null;
  healthCheckEnabled?: boolean;
  healthCheckModel?: string | null;
}

/** Any mutable field; counters of use are written by `recordUse` only. */
export type AccountPatch = Partial<
  Omit<Account, 'id' | 'createdAt' | 'updatedAt' | 'useCount' | 'lastUsedAt'> & {
    encryptedCredentials: string;
  }
>;

export interface AccountUse {
  accountId: string;
  /** Default 1. */
  uses?: number;
  /** Epoch ms; default now. */
  at?: number;
}

export interface AccountListQuery extends PageRequest {
  disabled?: boolean;
  healthState?: AccountHealthState;
  /** Case-insensitive substring of the name or email. */
  search?: string;
}

export interface AccountCounts {
  total: number;
  healthy: number;
  recovering: number;
  unhealthy: number;
  disabled: number;
  quarantined: number;
  totalUses: number;
}

export interface AccountRepository {
  create(input: NewAccount): Promise<Account>;
  /** All or nothing, in one transaction (imports). */
  createMany(inputs: readonly NewAccount[]): Promise<Account[]>;
  get(id: string): Promise<Account | undefined>;
  /** Oldest first. */
  list(query?: AccountListQuery): Promise<Page<Account>>;
  /** Every account, oldest first: the pool loads them at start. */
  listAll(): Promise<Account[]>;
  /**
   * Durable (fsync) when it touches credentials or configuration; a patch of runtime state only
   * (health, errors, cooldown, quarantine, usage snapshot, plan, entitlements, `poolState`) is
   * committed without the fsync, like the write-behind batches.
   */
  update(id: string, patch: AccountPatch): Promise<Account | undefined>;
  getEncryptedCredentials(id: string): Promise<string | undefined>;
  /** Deletes the account; request logs keep its id. */
  delete(id: string): Promise<boolean>;
  /** Queues a use (count + last used); returns at once. */
  recordUse(use: AccountUse): void;
  counts(): Promise<AccountCounts>;
}
