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
});
