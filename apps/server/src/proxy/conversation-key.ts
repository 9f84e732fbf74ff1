import { createHash } from 'node:crypto';

import type { AnthropicMessagesRequest } from '@octoproxy/converters';

/**
 * A stable key for one conversation, so sticky routing keeps it on one account: Claude Code's
 * session header, then `metadata.user_id`, then an OpenAI `prompt_cache_key`, else a hash of the
 * system prompt and the first user message (stable across the turns of a conversation).
 */
export function conversationKey(
  request: AnthropicMessagesRequest,
  options: { headers: Headers; promptCacheKey?: string | undefined },
): string | undefined {
  const session = options.headers.get('x-claude-code-session-id');
  if (session) return `session:${session}`;
  const userId = request.metadata?.user_id;
  if (typeof userId === 'string' && userId !== '') return `user:${userId}`;
  if (options.promptCacheKey) return `cache:${options.promptCacheKey}`;
  const first = request.messages.find((message) => message.role === 'user');
  if (first === undefined) return undefined;
  const hash = createHash('sha256');
  hash.update(JSON.stringify(request.system ?? ''));
  hash.update(JSON.stringify(first.content));
  return `prefix:${hash.digest('base64url').slice(0, 22)}`;
}
