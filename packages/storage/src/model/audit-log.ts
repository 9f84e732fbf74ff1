import type { Page, PageRequest } from '../paging';

/** Who changed what. */
export interface AuditEntry {
  id: number;
  createdAt: number;
  actorUserId: string | null;
  actorIp: string | null;
  /** e.g. `user.create`, `api-key.revoke`, `login.failure`. */
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

export interface NewAuditEntry {
  actorUserId?: string | null;
  actorIp?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /**
   * Context for the entry. Never put secrets here; as a safety net, string and object values under
   * secret-looking keys (…password…, …token…, …secret…, …credential…, authorization, cookie, apiKey,
   * …hash) are stored as `[redacted]`, at any depth.
   */
  details?: Record<string, unknown> | null;
}

export interface AuditLogQuery extends PageRequest {
  actorUserId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: number;
  to?: number;
}

export interface AuditLogRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(query?: AuditLogQuery): Promise<Page<AuditEntry>>;
  deleteOlderThan(cutoff: number): Promise<number>;
}
