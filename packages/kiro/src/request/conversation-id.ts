import { createHash } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID-shaped id derived from `seed`: the same seed always gives the same id. */
export function stableUuid(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function asUuid(value: string): string {
  return uuidPattern.test(value) ? value.toLowerCase() : stableUuid(`session:${value}`);
}

/**
 * Claude Code's session id from `metadata.user_id`: the legacy
 * `user_<hash>_account_<uuid>_session_<uuid>` form or the newer JSON string with `session_id`.
 */
export function sessionIdFromUserId(userId: string | null | undefined): string | undefined {
  if (!userId) return undefined;
  const legacy = /_session_([0-9a-f-]{36})$/i.exec(userId);
  if (legacy?.[1] !== undefined && uuidPattern.test(legacy[1])) return legacy[1].toLowerCase();
  if (userId.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(userId) as unknown;
      if (typeof parsed === 'object' && parsed !== null) {
        const sessionId = (parsed as Record<string, unknown>).session_id;
        if (typeof sessionId === 'string' && sessionId.length > 0) return sessionId;
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface ConversationIdSources {
  /** An id the caller already chose for this conversation. */
  conversationId?: string | undefined;
  /** A client session id, e.g. Claude Code's `x-claude-code-session-id` header. */
  sessionId?: string | undefined;
  /** The request's `metadata.user_id`. */
  userId?: string | null | undefined;
  /** What identifies the conversation when nothing else does (system + first user turn). */
  fallbackSeed: string;
}

/**
 * A stable per-conversation id: the same conversation gets the same id on every turn, so Kiro can
 * relate the turns; different sessions get different ids.
 */
export function resolveConversationId(sources: ConversationIdSources): string {
  if (sources.conversationId) return sources.conversationId;
  const session = sources.sessionId || sessionIdFromUserId(sources.userId);
  if (session) return asUuid(session);
  return stableUuid(`conversation:${sources.fallbackSeed}`);
}
