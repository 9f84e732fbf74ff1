import { claudeCodeCaptures } from '@octoproxy/fixtures';
import { describe, expect, it } from 'vitest';

import { anthropicMessagesRequestSchema } from './request-schema';

describe('anthropicMessagesRequestSchema', () => {
  it.each(claudeCodeCaptures)('accepts Claude Code $name', (capture) => {
    const result = anthropicMessagesRequestSchema.safeParse(capture.body);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data?.context_management).toBeDefined();
  });

  it('rejects a malformed known block but passes unknown block types through', () => {
    const base = { model: 'm', max_tokens: 10 };
    const bad = anthropicMessagesRequestSchema.safeParse({
      ...base,
      messages: [{ role: 'user', content: [{ type: 'text' }] }],
    });
    expect(bad.success).toBe(false);
    const unknown = anthropicMessagesRequestSchema.parse({
      ...base,
      messages: [{ role: 'user', content: [{ type: 'server_tool_use', id: 'x', extra: 1 }] }],
      brand_new_field: true,
    });
    expect(unknown.messages[0]?.content).toEqual([{ type: 'server_tool_use', id: 'x', extra: 1 }]);
    expect(unknown['brand_new_field']).toBe(true);
  });

  it('accepts the Claude Code 2.x extras: system turns in messages, adaptive thinking, cache_control', () => {
    const request = anthropicMessagesRequestSchema.parse({
      model: 'claude-opus-4-6',
      max_tokens: 32000,
      system: [{ type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.0; cch=abcde;' }],
      messages: [
        {
          role: 'user',
          content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral', ttl: '1h' } }],
        },
        { role: 'system', content: 'Mid-conversation reminder.' },
      ],
      thinking: { type: 'adaptive', display: 'omitted' },
      output_config: { effort: 'high' },
      context_management: { edits: [{ type: 'clear_thinking_20251015', keep: 'all' }] },
      cache_control: { type: 'ephemeral' },
      service_tier: 'auto',
    });
    expect(request.messages[1]?.role).toBe('system');
    expect(request.thinking).toEqual({ type: 'adaptive', display: 'omitted' });
  });
});
