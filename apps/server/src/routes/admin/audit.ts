import type { Storage } from '@octoproxy/storage';
import type { Context, Input } from 'hono';

import type { AdminEnv } from './admin-env';
import { clientInfo } from '../../http/client-info';

/** Appends who did what to the audit log (never secrets; storage redacts secret-looking keys too). */
export async function audit<P extends string, I extends Input>(
  storage: Storage,
  c: Context<AdminEnv, P, I>,
  entry: {
    action: string;
    targetType?: string;
    targetId?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await storage.auditLog.append({
    actorUserId: c.get('user').id,
    actorIp: clientInfo(c).ip ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? null,
  });
}
