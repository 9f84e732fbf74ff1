import { createHash } from 'node:crypto';

/** Where a conversation key came from, strongest signal first. */
export type StickyKeySource =
  | 'claude_code_session'
  | 'session_header'
  | 'prompt_cache_key'
  | 'metadata_user_id'
  | 'conversation_prefix';

export interface StickyKey {
  /** A hash: bindings never hold client identifiers in clear. */
  key: string;
  source: StickyKeySource;
}

/**
 * The parts of an Anthropic Messages request the key is derived from. An `StickyKeyRequest`
 * from `@octoproxy/converters` fits as it is.
 */
export interface StickyKeyRequest {
  system?: unknown;
  messages: ReadonlyArray<{ role: string; content: unknown }>;
  metadata?: { user_id?: string | null | undefined } | null | undefined;
}

type Headers =
  Readonly<Record<string, string | readonly string[] | undefined>> | globalThis.Headers;

function header(headers: Headers | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const value =
    headers instanceof globalThis.Headers
      ? headers.get(name)
      : (headers[name] ?? headers[name.toLowerCase()]);
  const first = Array.isArray(value) ? (value as readonly string[])[0] : (value as string | null);
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

function hash(source: StickyKeySource, value: string): StickyKey {
  const digest = createHash('sha256').update(`${source}\0${value}`).digest('base64url');
  return { key: digest.slice(0, 32), source };
}

/**
 * Claude Code's `metadata.user_id` carries the session: either `user_<hash>_account_<uuid>_session_<uuid>`
 * or a JSON object with `session_id`. Without a session part the whole value is used.
 */
function sessionFromUserId(userId: string): string {
  const legacy = /_session_([0-9a-fA-F-]{8,})$/.exec(userId);
  if (legacy?.[1] !== undefined) return legacy[1];
  if (userId.startsWith('{')) {
    try {
      const parsed = JSON.parse(userId) as unknown;
      const session =
        typeof parsed === 'object' && parsed !== null
          ? (parsed as Record<string, unknown>).session_id
          : undefined;
      if (typeof session === 'string' && session !== '') return session;
    } catch {
      // Not JSON after all: use the raw value.
    }
  }
  return userId;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) => {
      if (typeof block !== 'object' || block === null) return '';
      const text = (block as Record<string, unknown>).text;
      return typeof text === 'string' ? text : '';
    })
    .join('\n');
}

/**
 * The text that stays the same for every turn of one conversation: the system prompt and the first user
 * message. Only text is hashed, because clients move `cache_control` markers between turns.
 */
function conversationPrefix(request: StickyKeyRequest): string | undefined {
  const firstUser = request.messages.find((message) => message.role === 'user');
  if (firstUser === undefined) return undefined;
  const prefix = `${textOf(request.system)}\0${textOf(firstUser.content)}`;
  return prefix === '\0' ? undefined : prefix;
}

/**
 * Derives the key that keeps one conversation on one account (Kiro's prompt cache is per account), from
 * the strongest signal present: Claude Code's `x-claude-code-session-id`, a `session-id` / `session_id`
 * header (Codex), the OpenAI `prompt_cache_key` (pass it: it does not survive conversion), Claude Code's
 * `metadata.user_id`, else a hash of the system prompt and first user message.
 */
export function deriveStickyKey(options: {
  request: StickyKeyRequest;
  headers?: Headers | undefined;
  promptCacheKey?: string | null | undefined;
}): StickyKey | undefined {
  const { request, headers } = options;
  const claudeCodeSession = header(headers, 'x-claude-code-session-id');
  if (claudeCodeSession !== undefined) return hash('claude_code_session', claudeCodeSession);
  const session = header(headers, 'session-id') ?? header(headers, 'session_id');
  if (session !== undefined) return hash('session_header', session);
  const cacheKey = options.promptCacheKey?.trim();
  if (cacheKey) return hash('prompt_cache_key', cacheKey);
  const userId = request.metadata?.user_id?.trim();
  if (userId) return hash('metadata_user_id', sessionFromUserId(userId));
  const prefix = conversationPrefix(request);
  return prefix === undefined ? undefined : hash('conversation_prefix', prefix);
}
