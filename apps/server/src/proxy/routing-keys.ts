import type { AnthropicMessagesRequest } from '@octoproxy/converters';
import { deriveStickyKey } from '@octoproxy/pool';

/**
 * What keeps a conversation together upstream: the pool's sticky key (Claude Code session, session
 * headers, `prompt_cache_key`, `metadata.user_id`, else the conversation's opening) and the client's
 * session id for the upstream conversation id.
 */
export function routingKeys(
  request: AnthropicMessagesRequest,
  options: { headers: Headers; promptCacheKey?: string | undefined },
): { stickyKey: string | undefined; sessionId: string | undefined } {
  const sticky = deriveStickyKey({
    request,
    headers: options.headers,
    promptCacheKey: options.promptCacheKey,
  });
  return {
    stickyKey: sticky?.key,
    sessionId: options.headers.get('x-claude-code-session-id') ?? undefined,
  };
}
