import { and, count, desc, eq, gte, lt } from 'drizzle-orm';

import type {
  AuditEntry,
  AuditLogQuery,
  AuditLogRepository,
  NewAuditEntry,
} from '../../model/audit-log';
import { normalizePageRequest, type Page } from '../../paging';
import { redactSecrets } from '../redact-secrets';
import { auditLog } from '../schema';
import { read, type SqliteContext, write, writeDurably } from '../sqlite-context';

export class SqliteAuditLogRepository implements AuditLogRepository {
  constructor(private readonly context: SqliteContext) {}

  append(entry: NewAuditEntry): Promise<AuditEntry> {
    return writeDurably(this.context, 'append audit entry', () =>
      this.context.db
        .insert(auditLog)
        .values({
          createdAt: this.context.clock(),
          actorUserId: entry.actorUserId ?? null,
          actorIp: entry.actorIp ?? null,
          action: entry.action,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId ?? null,
          details: entry.details ? (redactSecrets(entry.details) as Record<string, unknown>) : null,
        })
        .returning()
        .get(),
    );
  }

  list(query: AuditLogQuery = {}): Promise<Page<AuditEntry>> {
    return read(this.context, 'list audit log', () => {
      const { limit, offset } = normalizePageRequest(query);
      const where = and(
        query.actorUserId === undefined ? undefined : eq(auditLog.actorUserId, query.actorUserId),
        query.action === undefined ? undefined : eq(auditLog.action, query.action),
        query.targetType === undefined ? undefined : eq(auditLog.targetType, query.targetType),
        query.targetId === undefined ? undefined : eq(auditLog.targetId, query.targetId),
        query.from === undefined ? undefined : gte(auditLog.createdAt, query.from),
        query.to === undefined ? undefined : lt(auditLog.createdAt, query.to),
      );
      const total = this.context.db.select({ total: count() }).from(auditLog).where(where).get();
      const items = this.context.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(limit)
        .offset(offset)
        .all();
      return { items, total: total?.total ?? 0, limit, offset };
    });
  }

  deleteOlderThan(cutoff: number): Promise<number> {
    return write(
      this.context,
      'delete audit entries',
      () => this.context.db.delete(auditLog).where(lt(auditLog.createdAt, cutoff)).run().changes,
    );
  }
}
