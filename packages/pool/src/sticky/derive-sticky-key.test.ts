import { claudeCodeCaptures, codexCaptures } from '@octoproxy/fixtures';
import { describe, expect, it } from 'vitest';

import { deriveStickyKey, type StickyKeyRequest } from './derive-sticky-key';

function claudeCodeTurns() {
  return claudeCodeCaptures.map((capture) => ({
    headers: capture.headers,
    request: capture.body as unknown as StickyKeyRequest,
  }));
}

describe('deriveStickyKey', () => {
  it('keys both turns of a captured Claude Code conversation alike, by its session header', () => {
    const [first, second] = claudeCodeTurns().map((turn) => deriveStickyKey(turn));
    expect(first?.source).toBe('claude_code_session');
    expect(first).toEqual(second);
    expect(first?.key).not.toContain('2ec000af');
  });

  it('falls back to the conversation prefix, which survives moving cache_control markers', () => {
    const keys = claudeCodeTurns().map(({ request }) =>
      deriveStickyKey({ request: { ...request, metadata: null } }),
    );
    expect(keys[0]?.source).toBe('conversation_prefix');
    expect(keys[0]).toEqual(keys[1]);
  });

  it('uses the Codex session header, or the prompt_cache_key when passed', () => {
    const capture = codexCaptures[0]!;
    const request: StickyKeyRequest = { messages: [{ role: 'user', content: 'hello' }] };
    expect(deriveStickyKey({ request, headers: capture.headers })?.source).toBe('session_header');
    const fromCacheKey = deriveStickyKey({
      request,
      promptCacheKey: capture.body.prompt_cache_key as string,
    });
    expect(fromCacheKey?.source).toBe('prompt_cache_key');
  });

  it('reads the session out of Claude Code’s metadata.user_id in both formats', () => {
    const session = '5b1e3f0a-9c1d-4e8f-a2b3-c4d5e6f70819';
    const legacy = `user_${'a'.repeat(64)}_account_1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b_session_${session}`;
    const json = JSON.stringify({ device_id: 'd', account_uuid: 'x', session_id: session });
    const messages = [{ role: 'user', content: 'hi' }];
    const fromLegacy = deriveStickyKey({ request: { messages, metadata: { user_id: legacy } } });
    const fromJson = deriveStickyKey({ request: { messages, metadata: { user_id: json } } });
    expect(fromLegacy?.source).toBe('metadata_user_id');
    expect(fromLegacy).toEqual(fromJson);
  });

  it('tells conversations apart and accepts a Fetch Headers object', () => {
    const a = deriveStickyKey({ request: { messages: [{ role: 'user', content: 'task A' }] } });
    const b = deriveStickyKey({ request: { messages: [{ role: 'user', content: 'task B' }] } });
    expect(a?.key).not.toBe(b?.key);
    const headers = new Headers({ 'x-claude-code-session-id': 'abc' });
    expect(deriveStickyKey({ request: { messages: [] }, headers })?.source).toBe(
      'claude_code_session',
    );
    expect(deriveStickyKey({ request: { messages: [] } })).toBeUndefined();
  });
});
