/** An API key as auth needs it: the stored hash, its limits and today's usage. */
export interface ApiKeyRecord {
  id: string;
  /** The user the key belongs to. */
  ownerId: string;
  name: string;
  keyHash: string;
  /** False for a revoked key, and should be false too while the owner's account is disabled. */
  active: boolean;
  expiresAt: Date | null;
  /** Requests allowed per UTC day; null for no limit (0 blocks the key). */
  dailyRequestLimit: number | null;
  /** Requests allowed in any 60-second window; null for no limit (0 blocks the key). */
  rateLimitPerMinute: number | null;
  /** Model ids (or `prefix*` patterns) the key may use; null for all models. */
  allowedModels: readonly string[] | null;
  /**
   * The stored daily counter: requests counted on UTC day `date` (`YYYY-MM-DD`). A counter of an
   * earlier day counts as zero today. null when the key was never used.
   */
  dailyUsage: { date: string; requests: number } | null;
}

/** The API key storage auth needs. Creating, listing and revoking keys is the app's business. */
export interface ApiKeyStore {
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  /**
   * Counts one request at `at`: today's counter (reset when the UTC day changed), the total and
   * `lastUsedAt`. May be batched off the request path.
   */
  recordUse(use: { id: string; at: Date }): void | Promise<void>;
}
