import { describe, expect, it } from 'vitest';

import { resolveConversationId, sessionIdFromUserId, stableUuid } from './conversation-id';

describe('conversation ids', () => {
  it('reads the session from both Claude Code user_id forms', () => {
    const session = '2ec000af-8003-485a-a530-5e93098fdb14';
    expect(
      sessionIdFromUserId(`user_${'a'.repeat(64)}_account_${session}_session_${session}`),
    ).toBe(session);
    expect(sessionIdFromUserId(JSON.stringify({ device_id: 'd', session_id: session }))).toBe(
      session,
    );
    expect(sessionIdFromUserId('0'.repeat(150))).toBeUndefined();
    expect(sessionIdFromUserId('{not json')).toBeUndefined();
  });

  it('prefers the explicit id, then the session header, then metadata, then the seed', () => {
    expect(
      resolveConversationId({ conversationId: 'given', sessionId: 's', fallbackSeed: 'x' }),
    ).toBe('given');
    expect(
      resolveConversationId({
        sessionId: 'AAAAAAAA-0000-4000-8000-000000000000',
        fallbackSeed: 'x',
      }),
    ).toBe('aaaaaaaa-0000-4000-8000-000000000000');
    expect(resolveConversationId({ sessionId: 'not-a-uuid', fallbackSeed: 'x' })).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(resolveConversationId({ fallbackSeed: 'x' })).toBe(
      resolveConversationId({ fallbackSeed: 'x' }),
    );
    expect(stableUuid('a')).not.toBe(stableUuid('b'));
  });
});
