import type { Page, PageRequest } from '../paging';

/** A client API key. Only its hash is stored, and it is never returned. */
export interface ApiKey {
  id: string;
  name: string;
  /** Shown as `${displayPrefix}…${last4}`. */
  displayPrefix: string;
  last4: string;
  /** Owner; null for keys that belong to no user. */
  userId: string | null;
  /** Requests per UTC day; null = unlimited. */
  dailyRequestLimit: number | null;
  rateLimitPerMinute: number | null;
  /** null = every model. */
  allowedModels: string[] | null;
  expiresAt: number | null;
  active: boolean;
  totalRequests: number;
  /** Requests on the current UTC day (0 after midnight until the next request). */
  requestsToday: number;
  totalInputTokens: number;
  totalOutputTokens: number;
  lastUsedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface NewApiKey {
  id?: string;
  keyHash: string;
  displayPrefix: string;
  last4: string;
  name: string;
  userId?: string | null;
  dailyRequestLimit?: number | null;
  rateLimitPerMinute?: number | null;
  allowedModels?: string[] | null;
  expiresAt?: number | null;
  active?: boolean;
}

export interface ApiKeyPatch {
  name?: string;
  userId?: string | null;
  dailyRequestLimit?: number | null;
  rateLimitPerMinute?: number | null;
  allowedModels?: string[] | null;
  expiresAt?: number | null;
  active?: boolean;
}

/** Usage to add to a key's counters; batched off the request path. */
export interface ApiKeyUsage {
  apiKeyId: string;
  /** Default 1. Pass 0 to add only tokens (e.g. counted the request when it started). */
  requests?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Epoch ms; default now. Decides the UTC day the requests count for. */
  at?: number;
}

export interface ApiKeyListQuery extends PageRequest {
  userId?: string;
  active?: boolean;
  /** Case-insensitive substring of the name. */
  search?: string;
}

export interface ApiKeyCountsQuery {
  /** Only this user's keys. */
  userId?: string;
}

export interface ApiKeyCounts {
  total: number;
  active: number;
  requestsToday: number;
  totalRequests: number;
}

export interface ApiKeyRepository {
  /** @throws StorageConflictError (`field: 'keyHash'`) on a duplicate hash. */
  create(input: NewApiKey): Promise<ApiKey>;
  get(id: string): Promise<ApiKey | undefined>;
  /** The authentication lookup. Counters include usage still waiting in the write-behind queue. */
  getByHash(keyHash: string): Promise<ApiKey | undefined>;
  /** Newest first. */
  list(query?: ApiKeyListQuery): Promise<Page<ApiKey>>;
  update(id: string, patch: ApiKeyPatch): Promise<ApiKey | undefined>;
  delete(id: string): Promise<boolean>;
  /** Queues usage; returns at once. Written within the flush interval, or by `flush()` / `close()`. */
  recordUsage(usage: ApiKeyUsage): void;
  counts(query?: ApiKeyCountsQuery): Promise<ApiKeyCounts>;
}
