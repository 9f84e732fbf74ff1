import { anthropicMessagesRequestSchema, type AnthropicStreamEvent } from '@octoproxy/converters';
import { describe, expect, it } from 'vitest';

import { toKiroToolName } from '../src/index';

import { anthropicEventViolations } from './support/anthropic-event-rules';
import { requestCorpus } from './support/request-corpus';
import {
  kiroAccountOf,
  messagesRequest,
  readAll,
  startHarness,
  textOf,
  useHarness,
} from './support/simulator';

const harness = useHarness();

describe('chat against the simulator', () => {
  it('streams an echo answer for a social account', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    const events = await readAll(response.events);
    expect(anthropicEventViolations(events)).toEqual([]);
    expect(textOf(events)).toContain('Hello there');
    const metadata = await response.metadata;
    expect(metadata.stopReason).toBe('end_turn');
    expect(metadata.credits).toBeGreaterThan(0);
    expect(metadata.inputTokensSource).toBe('context_usage');
  });
});

describe('the sanitizer corpus against the simulator', () => {
  for (const entry of requestCorpus) {
    it(`"${entry.name}" is accepted and answered`, async () => {
      const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
      const request = anthropicMessagesRequestSchema.parse({
        model: 'claude-sonnet-4-5-20250929',
        max_tokens: 1000,
        ...entry.body,
      });
      const response = await harness.client.generateAssistantResponse({ account, request });
      const events = await readAll(response.events);
      expect(anthropicEventViolations(events)).toEqual([]);
      expect((await response.metadata).error).toBeUndefined();
      const last = harness.sim.requests.entries().at(-1);
      expect(last?.status).toBe(200);
    });
  }
});

function toolStarts(events: readonly AnthropicStreamEvent[]) {
  return events.flatMap((event) =>
    event.type === 'content_block_start' && event.content_block.type === 'tool_use'
      ? [event.content_block]
      : [],
  );
}

describe('answers that map back', () => {
  it('restores an aliased tool name and streams valid tool input', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const name = 'mcp__git-hub__create-issue';
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest({
        tools: [
          {
            name,
            description: 'Create an issue',
            input_schema: { type: 'object', properties: { title: { type: 'string' } } },
          },
        ],
        messages: [
          { role: 'user', content: `sim: tool ${toKiroToolName(name)} {"title":"Bug ✓"}` },
        ],
      }),
    });
    const events = await readAll(response.events);
    expect(anthropicEventViolations(events)).toEqual([]);
    expect(toolStarts(events)).toEqual([expect.objectContaining({ name, input: {} })]);
    const json = events
      .map((event) =>
        event.type === 'content_block_delta' && event.delta.type === 'input_json_delta'
          ? event.delta.partial_json
          : '',
      )
      .join('');
    expect(JSON.parse(json)).toEqual({ title: 'Bug ✓' });
    expect((await response.metadata).stopReason).toBe('tool_use');
  });

  it('relays a call of an Anthropic-defined client tool under its own name', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest({
        tools: [{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' }],
        messages: [
          {
            role: 'user',
            content: 'sim: tool str_replace_based_edit_tool {"command":"view","path":"/a.ts"}',
          },
        ],
      }),
    });
    const events = await readAll(response.events);
    expect(anthropicEventViolations(events)).toEqual([]);
    expect(toolStarts(events)).toEqual([
      expect.objectContaining({ name: 'str_replace_based_edit_tool' }),
    ]);
    expect(response.adaptations.map((item) => item.kind)).toEqual(['tool_declared']);
    const sent = harness.sim.requests.last('generateAssistantResponse')?.body as {
      conversationState: {
        currentMessage: {
          userInputMessage: {
            userInputMessageContext: { tools: { toolSpecification: { name: string } }[] };
          };
        };
      };
    };
    expect(
      sent.conversationState.currentMessage.userInputMessage.userInputMessageContext.tools.map(
        (tool) => tool.toolSpecification.name,
      ),
    ).toEqual(['str_replace_based_edit_tool']);
  });

  it('refuses a server-run tool before anything reaches the upstream', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const before = harness.sim.requests.entries().length;
    await expect(
      harness.client.generateAssistantResponse({
        account,
        request: messagesRequest({
          tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 3 }],
        }),
      }),
    ).rejects.toMatchObject({ kind: 'invalid_request', code: 'server_tool_unsupported' });
    expect(harness.sim.requests.entries().length).toBe(before);
  });

  it('keeps the Claude Code session as the conversation id and maps thinking (omitted display)', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const capture = requestCorpus[0]!;
    const response = await harness.client.generateAssistantResponse({
      account,
      request: anthropicMessagesRequestSchema.parse(capture.body),
      sessionId: '2ec000af-8003-485a-a530-5e93098fdb14',
    });
    const events = await readAll(response.events);
    expect(anthropicEventViolations(events)).toEqual([]);
    expect(response.conversationId).toBe('2ec000af-8003-485a-a530-5e93098fdb14');
    const sent = harness.sim.requests.entries().at(-1)?.body as {
      conversationState: { conversationId: string };
    };
    expect(sent.conversationState.conversationId).toBe('2ec000af-8003-485a-a530-5e93098fdb14');
    expect(
      events.some(
        (event) => event.type === 'content_block_start' && event.content_block.type === 'thinking',
      ),
    ).toBe(true);
    expect(
      events.some(
        (event) => event.type === 'content_block_delta' && event.delta.type === 'thinking_delta',
      ),
    ).toBe(false);
  });

  it('maps both thinking forms when thinking is shown', async () => {
    for (const form of ['inline', 'native'] as const) {
      const local = await startHarness({ thinkingForm: form });
      try {
        const account = kiroAccountOf(local.sim.addAccount({ authMethod: 'social' }));
        const response = await local.client.generateAssistantResponse({
          account,
          request: messagesRequest({ thinking: { type: 'enabled', budget_tokens: 2048 } }),
        });
        const events = await readAll(response.events);
        expect(anthropicEventViolations(events)).toEqual([]);
        const thinking = events
          .map((event) =>
            event.type === 'content_block_delta' && event.delta.type === 'thinking_delta'
              ? event.delta.thinking
              : '',
          )
          .join('');
        expect(thinking).toMatch(/Thinking about/);
        expect(textOf(events)).not.toContain('<thinking>');
        expect(textOf(events)).toContain('Hello there');
      } finally {
        await local.close();
      }
    }
  });

  it('sends the Kiro IDE headers with a stable machine id', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }), {
      machineId: undefined,
    });
    const first = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    await readAll(first.events);
    const second = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    await readAll(second.events);
    expect(first.machineId).toMatch(/^[0-9a-f]{64}$/);
    expect(second.machineId).toBe(first.machineId);
    const headers = harness.sim.requests.entries().at(-1)!.headers;
    expect(headers['user-agent']).toContain(`KiroIDE-0.11.107-${first.machineId}`);
    expect(headers['x-amz-user-agent']).toContain(first.machineId);
    expect(headers['amz-sdk-request']).toBe('attempt=1; max=2');
    expect(headers['x-amzn-kiro-agent-mode']).toBe('vibe');
  });
});
