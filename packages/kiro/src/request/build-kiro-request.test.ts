import { claudeCodeCaptures } from '@octoproxy/fixtures';
import {
  anthropicMessagesRequestSchema,
  type AnthropicMessageParam,
  type AnthropicMessagesRequest,
} from '@octoproxy/converters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { conversationRequest } from '../../test/support/conversation-arbitrary';
import { kiroBodyViolations } from '../../test/support/kiro-body-rules';
import { isKiroError } from '../errors/kiro-error';
import { mintThinkingSignature } from '../stream/thinking-signature';
import { buildKiroRequest } from './build-kiro-request';

const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function request(partial: Partial<AnthropicMessagesRequest>): AnthropicMessagesRequest {
  return anthropicMessagesRequestSchema.parse({
    model: 'claude-sonnet-4-5-20250929',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
    ...partial,
  });
}

function build(partial: Partial<AnthropicMessagesRequest>, extra: Record<string, unknown> = {}) {
  const built = buildKiroRequest({ request: request(partial), ...extra });
  expect(kiroBodyViolations(built.body as never)).toEqual([]);
  return built;
}

const bashTool = {
  name: 'Bash',
  description: 'Run a command',
  input_schema: {
    type: 'object',
    properties: { command: { type: 'string' } },
    required: ['command'],
  },
};

function toolLoop(id: string, name = 'Bash'): AnthropicMessageParam[] {
  return [
    { role: 'user', content: 'run it' },
    { role: 'assistant', content: [{ type: 'tool_use', id, name, input: { command: 'ls' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'a.txt' }] },
  ];
}

describe('buildKiroRequest on Claude Code captures', () => {
  for (const capture of claudeCodeCaptures) {
    it(`builds ${capture.name} into a body Kiro accepts`, () => {
      const parsed = anthropicMessagesRequestSchema.parse(capture.body);
      const built = buildKiroRequest({
        request: parsed,
        sessionId: capture.headers['x-claude-code-session-id'],
      });
      expect(kiroBodyViolations(built.body as never)).toEqual([]);
      expect(built.conversationId).toBe('2ec000af-8003-485a-a530-5e93098fdb14');
      expect(built.thinking).toBe(true);
      expect(built.estimatedInputTokens).toBeGreaterThan(5_000);
      const state = built.body.conversationState;
      const first = state.history?.[0] ?? state.currentMessage;
      const firstContent = 'userInputMessage' in first ? first.userInputMessage.content : '';
      expect(
        firstContent.startsWith(
          '<thinking_mode>adaptive</thinking_mode><thinking_effort>medium</thinking_effort>',
        ),
      ).toBe(true);
      expect(JSON.stringify(built.body)).not.toContain('cache_control');
      expect(state.currentMessage.userInputMessage.userInputMessageContext?.tools).toHaveLength(12);
    });
  }

  it('replays earlier thinking as tags and pairs the tool result', () => {
    const capture = claudeCodeCaptures.find((item) => item.name.endsWith('tool-turn2'))!;
    const built = buildKiroRequest({ request: anthropicMessagesRequestSchema.parse(capture.body) });
    const history = built.body.conversationState.history!;
    const assistant = history.at(-1) as {
      assistantResponseMessage: { content: string; toolUses: unknown[] };
    };
    expect(assistant.assistantResponseMessage.content).toBe(
      '<thinking>I should run echo.</thinking>\n\nRunning it.',
    );
    const current = built.body.conversationState.currentMessage.userInputMessage;
    expect(current.content).toBe('Tool results provided.');
    expect(current.userInputMessageContext?.toolResults).toEqual([
      {
        toolUseId: 'toolu_01ABCDEFGHIJKLMNOPQRSTUV',
        status: 'success',
        content: [{ text: 'hello-from-tool' }],
      },
    ]);
  });

  it('restores thinking replayed without its text (display "omitted") from our signature', () => {
    const built = build({
      thinking: { type: 'adaptive', display: 'omitted' },
      tools: [bashTool],
      messages: [
        { role: 'user', content: 'run it' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: '', signature: mintThinkingSignature('Use echo.') },
            { type: 'thinking', thinking: '', signature: 'EqQBCkgIARABGAIiQL' },
            { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'echo hi' } },
          ],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'hi' }],
        },
      ],
    });
    const assistant = built.body.conversationState.history!.at(-1) as {
      assistantResponseMessage: { content: string };
    };
    expect(assistant.assistantResponseMessage.content).toBe('<thinking>Use echo.</thinking>\n\n');
  });
});

describe('buildKiroRequest sanitizer rules', () => {
  it('strips the rotating billing header and places the system prompt first', () => {
    const built = build({
      system: [
        { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1; cch=abc;' },
        { type: 'text', text: 'You are helpful.', cache_control: { type: 'ephemeral' } },
      ],
    });
    expect(built.body.conversationState.currentMessage.userInputMessage.content).toBe(
      'You are helpful.\n\nhi',
    );
  });

  it('accepts a string system prompt and enabled thinking with a clamped budget', () => {
    const built = build({
      system: 'Be brief.',
      thinking: { type: 'enabled', budget_tokens: 100_000 },
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'two' },
        { role: 'user', content: 'three' },
      ],
    });
    const first = built.body.conversationState.history![0] as {
      userInputMessage: { content: string };
    };
    expect(first.userInputMessage.content).toBe(
      '<thinking_mode>enabled</thinking_mode><max_thinking_length>24576</max_thinking_length>\n\nBe brief.\n\none',
    );
  });

  it('merges consecutive users and assistants and drops empty text blocks', () => {
    const built = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'a' },
          ],
        },
        { role: 'user', content: 'b' },
        { role: 'assistant', content: [{ type: 'text', text: '  ' }] },
        { role: 'assistant', content: 'c' },
        { role: 'user', content: [{ type: 'text', text: '' }] },
      ],
    });
    const state = built.body.conversationState;
    expect(state.history).toEqual([
      {
        userInputMessage: { content: 'a\n\nb', modelId: 'claude-sonnet-4.5', origin: 'AI_EDITOR' },
      },
      { assistantResponseMessage: { content: 'c' } },
    ]);
    expect(state.currentMessage.userInputMessage.content).toBe('Continue');
  });

  it('keeps a trailing assistant prefill in history and continues', () => {
    const built = build({
      messages: [
        { role: 'user', content: 'write JSON' },
        { role: 'assistant', content: '{"a":' },
      ],
    });
    expect(built.body.conversationState.history?.at(-1)).toEqual({
      assistantResponseMessage: { content: '{"a":' },
    });
    expect(built.body.conversationState.currentMessage.userInputMessage.content).toBe('Continue');
  });

  it('starts with a user turn when the client starts with the assistant', () => {
    const built = build({
      messages: [
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'hi' },
      ],
    });
    expect(built.body.conversationState.history?.[0]).toMatchObject({
      userInputMessage: { content: 'Continue' },
    });
  });

  it('answers an orphan tool_use with a cancelled result and turns orphan results into text', () => {
    const built = build({
      tools: [bashTool],
      messages: [
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'a', name: 'Bash', input: { command: 'x' } },
            { type: 'tool_use', id: 'a', name: 'Bash', input: { command: 'dup' } },
            { type: 'tool_use', id: 'b', name: 'Bash', input: { command: 'y' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'b', content: 'B', is_error: true },
            { type: 'tool_result', tool_use_id: 'b', content: 'B again' },
            { type: 'tool_result', tool_use_id: 'zzz', content: 'stray' },
            { type: 'text', text: 'and?' },
          ],
        },
      ],
    });
    const current = built.body.conversationState.currentMessage.userInputMessage;
    expect(current.userInputMessageContext?.toolResults).toEqual([
      {
        toolUseId: 'a',
        status: 'error',
        content: [{ text: 'Tool use was cancelled: no result was provided.' }],
      },
      { toolUseId: 'b', status: 'error', content: [{ text: 'B' }] },
    ]);
    expect(current.content).toBe('[Result of tool call zzz]\nstray\n\nand?');
  });

  it('defines tools used in history when the client omits tools', () => {
    const built = build({ messages: toolLoop('t1', 'mcp__git-hub__create-issue') });
    const tools =
      built.body.conversationState.currentMessage.userInputMessage.userInputMessageContext?.tools;
    expect(tools).toHaveLength(1);
    const alias = tools![0]!.toolSpecification.name;
    expect(alias).toMatch(/^mcp__git_hub__create_issue_[0-9a-f]{12}$/);
    expect(built.toolNames.get(alias)).toBe('mcp__git-hub__create-issue');
  });

  it('aliases names over 64 characters and handles 100 tools with 20 KB descriptions', () => {
    const long = `mcp__${'very_long_server_name_'.repeat(4)}__tool`;
    const tools = Array.from({ length: 100 }, (_, index) => ({
      name: index === 0 ? long : `tool_${index}`,
      description: index < 3 ? 'd'.repeat(20_000) : `Tool number ${index}`,
      input_schema: {
        type: 'object',
        properties: { x: { type: ['string', 'null'], default: null } },
      },
    }));
    const built = build({ tools, messages: toolLoop('t1', long) });
    const specs =
      built.body.conversationState.currentMessage.userInputMessage.userInputMessageContext!.tools!;
    expect(specs).toHaveLength(100);
    const alias = specs[0]!.toolSpecification.name;
    expect(alias.length).toBeLessThanOrEqual(64);
    expect(built.toolNames.get(alias)).toBe(long);
    const history = built.body.conversationState.history![1] as {
      assistantResponseMessage: { toolUses: { name: string }[] };
    };
    expect(history.assistantResponseMessage.toolUses[0]!.name).toBe(alias);
    expect(specs[1]!.toolSpecification.description.length).toBeLessThanOrEqual(10_000);
    expect(specs[5]!.toolSpecification.inputSchema.json).toEqual({
      type: 'object',
      properties: { x: { type: ['string', 'null'] } },
    });
    const first = built.body.conversationState.history![0] as {
      userInputMessage: { content: string };
    };
    expect(first.userInputMessage.content).toContain('## Tool: tool_1\n' + 'd'.repeat(20_000));
  });

  it('drops server tools when told to and gives description-less tools a description', () => {
    const built = build(
      {
        tools: [
          { type: 'web_search_20250305', name: 'web_search' },
          { name: 'Nodesc', input_schema: { type: 'object' } },
        ],
      },
      { serverTools: 'drop' },
    );
    const specs =
      built.body.conversationState.currentMessage.userInputMessage.userInputMessageContext!.tools!;
    expect(specs.map((spec) => spec.toolSpecification)).toEqual([
      {
        name: 'Nodesc',
        description: 'Tool: Nodesc',
        inputSchema: { json: { type: 'object', properties: {} } },
      },
    ]);
  });

  it('maps tool_choice to instructions and omits tools for "none" without history', () => {
    const none = build({ tools: [bashTool], tool_choice: { type: 'none' } });
    const noneMessage = none.body.conversationState.currentMessage.userInputMessage;
    expect(noneMessage.userInputMessageContext).toBeUndefined();
    expect(noneMessage.content).toBe('hi\n\nAnswer without calling any tool.');
    const forced = build({ tools: [bashTool], tool_choice: { type: 'tool', name: 'Bash' } });
    expect(forced.body.conversationState.currentMessage.userInputMessage.content).toBe(
      'hi\n\nAnswer by calling the tool "Bash".',
    );
  });

  it('sends base64 images inline, bounds old ones and notes unsupported types', () => {
    const image = {
      type: 'image' as const,
      source: { type: 'base64' as const, media_type: 'image/png', data: png },
    };
    const messages: AnthropicMessageParam[] = [];
    for (let turn = 0; turn < 7; turn++) {
      messages.push({ role: 'user', content: [image, { type: 'text', text: `turn ${turn}` }] });
      messages.push({ role: 'assistant', content: 'seen' });
    }
    messages.push({
      role: 'user',
      content: [
        { type: 'image', source: { type: 'base64', media_type: 'image/jpg', data: png } },
        {
          type: 'image',
          source: { type: 'base64', media_type: 'image/svg+xml', data: 'PHN2Zy8+' },
        },
      ],
    });
    const built = build({ messages });
    const history = built.body.conversationState.history!;
    const withImages = history.filter(
      (entry) => 'userInputMessage' in entry && entry.userInputMessage.images,
    );
    expect(withImages).toHaveLength(4);
    expect(history[0]).toMatchObject({
      userInputMessage: { content: 'turn 0\n\n[An earlier image was omitted from this message]' },
    });
    const current = built.body.conversationState.currentMessage.userInputMessage;
    expect(current.images).toEqual([{ format: 'jpeg', source: { bytes: png } }]);
    expect(current.content).toBe('[Image omitted: unsupported type image/svg+xml]');
  });

  it('moves images inside tool results onto the message', () => {
    const built = build({
      messages: [
        { role: 'user', content: 'look' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 's', name: 'Screenshot', input: {} }],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 's',
              content: [
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
              ],
            },
          ],
        },
      ],
    });
    const current = built.body.conversationState.currentMessage.userInputMessage;
    expect(current.images).toHaveLength(1);
    expect(current.userInputMessageContext?.toolResults?.[0]?.content).toEqual([
      { text: '[Image attached to this message]' },
    ]);
  });

  it('rejects URL images with a clear client error', () => {
    expect(() =>
      buildKiroRequest({
        request: request({
          messages: [
            {
              role: 'user',
              content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }],
            },
          ],
        }),
      }),
    ).toThrow(
      expect.objectContaining({ kind: 'invalid_request', code: 'unsupported_image_source' }),
    );
  });

  it('cleans tool inputs in history: no nulls, no empty keys, always an object', () => {
    const built = build({
      messages: [
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'a', name: 'T', input: { '': 1, keep: null, ok: [1, null] } },
            { type: 'tool_use', id: 'b', name: 'T', input: 'raw' },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'a' },
            { type: 'tool_result', tool_use_id: 'b', content: [] },
          ],
        },
      ],
    });
    const assistant = built.body.conversationState.history![1] as {
      assistantResponseMessage: { toolUses: { input: unknown }[] };
    };
    expect(assistant.assistantResponseMessage.toolUses.map((use) => use.input)).toEqual([
      { ok: [1] },
      { input: 'raw' },
    ]);
  });

  it('returns a prompt-too-long error before sending an oversized body', () => {
    try {
      buildKiroRequest({
        request: request({ messages: [{ role: 'user', content: 'x'.repeat(700_000) }] }),
      });
      expect.unreachable();
    } catch (error) {
      expect(isKiroError(error)).toBe(true);
      expect(error).toMatchObject({
        reason: 'context_too_long',
        kind: 'invalid_request',
        fault: 'client',
      });
      const match = /^prompt is too long: (\d+) tokens > (\d+) maximum$/.exec(
        (error as Error).message,
      );
      expect(Number(match![1])).toBeGreaterThan(Number(match![2]));
    }
  });

  it('counts the body without image data against maxBodyBytes, as the simulator does', () => {
    const screenshot = Buffer.alloc(700_000, 1).toString('base64');
    const messages: AnthropicMessageParam[] = [
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: screenshot } },
          { type: 'text', text: 'What is on it?' },
        ],
      },
    ];
    const built = build({ messages });
    expect(built.bodyBytes).toBe(Buffer.byteLength(built.json) - screenshot.length);
    expect(built.bodyBytes).toBeLessThan(1_000);
    expect(build({ messages }, { maxBodyBytes: built.bodyBytes }).json).toBe(built.json);
    expect(() => build({ messages }, { maxBodyBytes: built.bodyBytes - 1 })).toThrow(
      expect.objectContaining({ reason: 'context_too_long' }),
    );
  });

  it('refuses an image over 10 MiB with a clear client error, unless it is dropped anyway', () => {
    const image = (bytes: number) => ({
      type: 'image' as const,
      source: {
        type: 'base64' as const,
        media_type: 'image/png',
        data: Buffer.alloc(bytes).toString('base64'),
      },
    });
    const limit = 10 * 1024 * 1024;
    expect(() =>
      build({
        messages: [{ role: 'user', content: [image(limit), { type: 'text', text: 'ok' }] }],
      }),
    ).not.toThrow();
    expect(() =>
      build({
        messages: [{ role: 'user', content: [image(limit + 1), { type: 'text', text: 'no' }] }],
      }),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request', code: 'image_too_large' }));
    // An old turn's image past maxImageTurns becomes a note, so its size does not matter.
    expect(() =>
      build(
        {
          messages: [
            { role: 'user', content: [image(limit + 1), { type: 'text', text: 'old' }] },
            { role: 'assistant', content: 'seen' },
            { role: 'user', content: 'next' },
          ],
        },
        { maxImageTurns: 0 },
      ),
    ).not.toThrow();
  });

  it('sends profileArn as a sibling of conversationState', () => {
    const built = build({}, { profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/X' });
    expect(built.body.profileArn).toBe('arn:aws:codewhisperer:us-east-1:1:profile/X');
    expect(build({}).body.profileArn).toBeUndefined();
  });

  it('keeps one conversation id across the turns of a conversation', () => {
    const first = build({ system: 'S', messages: [{ role: 'user', content: 'start' }] });
    const later = build({
      system: 'S',
      messages: [
        { role: 'user', content: 'start' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'more' },
      ],
    });
    expect(later.conversationId).toBe(first.conversationId);
    const other = build({ system: 'S', messages: [{ role: 'user', content: 'different' }] });
    expect(other.conversationId).not.toBe(first.conversationId);
  });
});

describe('buildKiroRequest property', () => {
  it('turns any conversation into a body that obeys every Kiro rule', () => {
    fc.assert(
      fc.property(conversationRequest, (body) => {
        const parsed = anthropicMessagesRequestSchema.parse({
          model: 'claude-opus-4-6',
          max_tokens: 10,
          ...body,
        });
        const built = buildKiroRequest({ request: parsed });
        expect(kiroBodyViolations(built.body as never)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
