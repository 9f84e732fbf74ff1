import {
  anthropicMessagesRequestSchema,
  OctoProxyError,
  type AnthropicMessagesRequest,
} from '@octoproxy/converters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { kiroBodyViolations } from '../../test/support/kiro-body-rules';
import { simulatorRuleViolations } from '../../test/support/simulator-rule-violations';
import { buildKiroRequest, type BuildKiroRequestOptions } from './build-kiro-request';

function build(
  partial: Partial<AnthropicMessagesRequest>,
  extra: Partial<BuildKiroRequestOptions> = {},
) {
  const request = anthropicMessagesRequestSchema.parse({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
    ...partial,
  });
  const built = buildKiroRequest({ request, ...extra });
  expect(simulatorRuleViolations(built.body)).toEqual([]);
  expect(kiroBodyViolations(built.body as never)).toEqual([]);
  return built;
}

const specsOf = (built: ReturnType<typeof build>) =>
  (
    built.body.conversationState.currentMessage.userInputMessage.userInputMessageContext?.tools ??
    []
  ).map((tool) => tool.toolSpecification);

function callAndResult(input: unknown, resultContent: unknown = 'done') {
  return [
    { role: 'user', content: 'go' },
    { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'Edit', input }] },
    {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'call_1', content: resultContent }],
    },
  ] as AnthropicMessagesRequest['messages'];
}

function hasEmptyKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasEmptyKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, field]) => key === '' || hasEmptyKey(field));
}

describe('tool inputs replayed in history', () => {
  it('keep no empty-string key at any depth, whatever the JSON (simulator rule tool-use-input)', () => {
    const key = fc.oneof(fc.constant(''), fc.string({ maxLength: 4 }));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        fc.string({ maxLength: 5 }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 5 }), (input) => {
        const built = build({ messages: callAndResult(input) });
        const use = (
          built.body.conversationState.history![1] as {
            assistantResponseMessage: { toolUses: { input: unknown }[] };
          }
        ).assistantResponseMessage.toolUses[0]!;
        expect(hasEmptyKey(use.input)).toBe(false);
        // Every non-empty top-level key with a value survives.
        for (const [name, value] of Object.entries(input)) {
          if (name !== '' && value !== null) expect(use.input).toHaveProperty([name]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports the nested keys it dropped and keeps everything else', () => {
    const built = build({
      messages: callAndResult({ edits: [{ '': 'x', old: 'a', nested: { '': 1, ok: 2 } }] }),
    });
    const use = (
      built.body.conversationState.history![1] as {
        assistantResponseMessage: { toolUses: { input: unknown }[] };
      }
    ).assistantResponseMessage.toolUses[0]!;
    expect(use.input).toEqual({ edits: [{ old: 'a', nested: { ok: 2 } }] });
    expect(built.adaptations).toContainEqual({
      kind: 'content_replaced',
      detail:
        'messages.1: tool_use call_1 replayed without its empty-string keys (input.edits[0][""], input.edits[0].nested[""])',
    });
  });
});

describe('Anthropic-defined tools', () => {
  it('declares client tools with their documented schemas under their own names', () => {
    const built = build({
      tools: [
        { type: 'bash_20250124', name: 'bash' },
        { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
        { type: 'text_editor_20250124', name: 'str_replace_editor' },
        {
          type: 'computer_20250124',
          name: 'computer',
          display_width_px: 1024,
          display_height_px: 768,
        },
        { type: 'memory_20250818', name: 'memory' },
      ] as AnthropicMessagesRequest['tools'],
    });
    const specs = specsOf(built);
    expect(specs.map((spec) => spec.name)).toEqual([
      'bash',
      'str_replace_based_edit_tool',
      'str_replace_editor',
      'computer',
      'memory',
    ]);
    const schema = (name: string) =>
      specs.find((spec) => spec.name === name)!.inputSchema.json as {
        properties: Record<string, { enum?: string[] }>;
        required?: string[];
      };
    expect(Object.keys(schema('bash').properties)).toEqual(['command', 'restart']);
    expect(schema('str_replace_based_edit_tool').properties.command!.enum).toEqual([
      'view',
      'create',
      'str_replace',
      'insert',
    ]);
    expect(schema('str_replace_editor').properties.command!.enum).toContain('undo_edit');
    expect(schema('computer').properties.action!.enum).toContain('left_click_drag');
    expect(specs.find((spec) => spec.name === 'computer')!.description).toContain('1024×768');
    expect(schema('memory').properties.command!.enum).toEqual([
      'view',
      'create',
      'str_replace',
      'insert',
      'delete',
      'rename',
    ]);
    expect(built.adaptations.filter((item) => item.kind === 'tool_declared')).toHaveLength(5);
    expect(built.toolNames.size).toBe(0);
  });

  it('rejects server-run tools with a typed 400 naming the tool', () => {
    let caught: unknown;
    try {
      build({
        tools: [
          { name: 'Read', input_schema: { type: 'object' } },
          { type: 'web_search_20250305', name: 'web_search' },
        ] as AnthropicMessagesRequest['tools'],
      });
    } catch (error) {
      caught = error;
    }
    expect(OctoProxyError.isInstance(caught)).toBe(true);
    const error = caught as OctoProxyError;
    expect(error.kind).toBe('invalid_request');
    expect(error.code).toBe('server_tool_unsupported');
    expect(error.param).toBe('tools.1');
    expect(error.message).toContain('web_search_20250305');
  });

  it('drops server-run tools when told to, and reports it', () => {
    const built = build(
      {
        tools: [
          { type: 'web_fetch_20250910', name: 'web_fetch' },
          { type: 'code_execution_20250825', name: 'code_execution' },
          { name: 'Read', input_schema: { type: 'object' } },
        ] as AnthropicMessagesRequest['tools'],
        tool_choice: { type: 'tool', name: 'web_fetch' },
      },
      { serverTools: 'drop' },
    );
    expect(specsOf(built).map((spec) => spec.name)).toEqual(['Read']);
    const kinds = built.adaptations.map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'tool_dropped')).toHaveLength(2);
    expect(built.adaptations).toContainEqual({
      kind: 'value_adjusted',
      detail: 'tool_choice: the tool "web_fetch" is not offered upstream; auto instead',
    });
  });
});

describe('content Kiro has no block for', () => {
  const searchResult = {
    type: 'search_result',
    source: 'https://docs.example.com/limits',
    title: 'Rate limits',
    content: [{ type: 'text', text: 'Each key may send 50 requests a minute.' }],
  };

  it('sends search results in user turns and tool results as titled sources', () => {
    const built = build({
      messages: [
        {
          role: 'user',
          content: [searchResult, { type: 'text', text: 'What is the limit?' }],
        },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'search', input: {} }] },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't1', content: [searchResult] }],
        },
      ] as AnthropicMessagesRequest['messages'],
    });
    const history = built.body.conversationState.history!;
    const first = (history[0] as { userInputMessage: { content: string } }).userInputMessage
      .content;
    expect(first).toContain(
      'Search result: Rate limits (https://docs.example.com/limits)\nEach key may send 50 requests a minute.',
    );
    const result =
      built.body.conversationState.currentMessage.userInputMessage.userInputMessageContext!
        .toolResults![0]!;
    expect(result.content[0]!.text).toContain('Search result: Rate limits');
    expect(built.adaptations.filter((item) => item.kind === 'content_replaced')).toHaveLength(2);
  });

  it('reports tools renamed for Kiro and blocks it cannot replay', () => {
    const built = build({
      tools: [{ name: 'mcp__github__create-issue', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          content: [
            { type: 'redacted_thinking', data: 'opaque' },
            { type: 'text', text: 'Working on it.' },
          ],
        },
        { role: 'user', content: 'and?' },
      ] as AnthropicMessagesRequest['messages'],
    });
    const [alias] = [...built.toolNames.keys()];
    expect(built.adaptations).toEqual(
      expect.arrayContaining([
        {
          kind: 'content_dropped',
          detail: 'messages.1: redacted_thinking block cannot be replayed upstream; left out',
        },
        {
          kind: 'tool_renamed',
          detail: `tool "mcp__github__create-issue" sent as "${alias}" (Kiro's name rules); answers use the original`,
        },
      ]),
    );
  });

  it('reports documents and images Kiro cannot take, replaced by notes', () => {
    const built = build({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'document',
              source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' },
            },
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/bmp', data: 'Qk0=' },
            },
            { type: 'text', text: 'Summarise.' },
          ],
        },
      ] as AnthropicMessagesRequest['messages'],
    });
    const content = built.body.conversationState.currentMessage.userInputMessage.content;
    expect(content).toContain('[Document omitted: base64 documents are not supported]');
    expect(content).toContain('[Image omitted: unsupported type image/bmp]');
    expect(built.adaptations).toEqual([
      {
        kind: 'content_replaced',
        detail: 'messages.0: base64 document replaced by a note (Kiro takes text only)',
      },
      {
        kind: 'content_replaced',
        detail: 'messages.0: image/bmp image replaced by a note (Kiro takes png, jpeg, gif, webp)',
      },
    ]);
  });

  it('reports nothing for a plain conversation', () => {
    expect(build({}).adaptations).toEqual([]);
  });
});
