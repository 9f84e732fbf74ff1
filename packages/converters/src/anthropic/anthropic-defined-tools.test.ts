import { describe, expect, it } from 'vitest';

import type { Adaptation } from '../convert/adaptation';
import { OctoProxyError } from '../errors/octoproxy-error';
import { declareAnthropicDefinedTools, isAnthropicServerTool } from './anthropic-defined-tools';
import { parseAnthropicMessagesRequest } from './parse-anthropic-request';

function toolsOf(tools: unknown[]) {
  return parseAnthropicMessagesRequest({
    model: 'claude-sonnet-4-6',
    max_tokens: 10,
    messages: [{ role: 'user', content: 'hi' }],
    tools,
  }).tools!;
}

function rejection(tools: unknown[]): OctoProxyError {
  try {
    declareAnthropicDefinedTools(toolsOf(tools), []);
  } catch (error) {
    if (OctoProxyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('declareAnthropicDefinedTools', () => {
  it('keeps custom tools and declares every known client tool version with a schema', () => {
    const adaptations: Adaptation[] = [];
    const custom = { name: 'Read', input_schema: { type: 'object' } };
    const declared = declareAnthropicDefinedTools(
      toolsOf([
        custom,
        { type: 'bash_20241022', name: 'bash' },
        { type: 'text_editor_20241022', name: 'str_replace_editor' },
        { type: 'text_editor_20250429', name: 'str_replace_based_edit_tool' },
        { type: 'computer_20251124', name: 'computer' },
      ]),
      adaptations,
    );
    expect(declared[0]).toEqual(custom);
    expect(declared.map((tool) => tool.name)).toEqual([
      'Read',
      'bash',
      'str_replace_editor',
      'str_replace_based_edit_tool',
      'computer',
    ]);
    for (const tool of declared.slice(1)) {
      expect(tool.type).toBeUndefined();
      expect(tool.description).not.toBe('');
      expect(tool.input_schema).toMatchObject({ type: 'object' });
    }
    const computer = declared[4]!.input_schema as { properties: Record<string, unknown> };
    expect(computer.properties.region).toBeDefined();
    expect(adaptations.map((item) => item.kind)).toEqual(Array(4).fill('tool_declared'));
  });

  it('rejects server-run and unknown tool types with a typed 400 naming the tool', () => {
    expect(isAnthropicServerTool({ type: 'web_fetch_20250910', name: 'web_fetch' })).toBe(true);
    expect(isAnthropicServerTool({ type: 'bash_20250124', name: 'bash' })).toBe(false);
    const server = rejection([{ type: 'code_execution_20250825', name: 'code_execution' }]);
    expect(server).toMatchObject({
      kind: 'invalid_request',
      code: 'server_tool_unsupported',
      param: 'tools.0',
    });
    expect(server.message).toContain(
      'code_execution_20250825 ("code_execution") runs on Anthropic\'s servers',
    );
    const unknown = rejection([
      { name: 'Read', input_schema: { type: 'object' } },
      { type: 'hologram_20300101', name: 'hologram' },
    ]);
    expect(unknown.param).toBe('tools.1');
    expect(unknown.message).toContain('hologram_20300101');
  });

  it('drops them instead when told to, and says so', () => {
    const adaptations: Adaptation[] = [];
    const declared = declareAnthropicDefinedTools(
      toolsOf([{ type: 'web_search_20250305', name: 'web_search' }]),
      adaptations,
      { serverTools: 'drop' },
    );
    expect(declared).toEqual([]);
    expect(adaptations).toEqual([
      {
        kind: 'tool_dropped',
        detail:
          'tools.0: the server tool web_search_20250305 ("web_search") runs on Anthropic\'s servers and cannot run on this upstream; dropped',
      },
    ]);
  });
});
