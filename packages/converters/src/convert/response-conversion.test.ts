import { describe, expect, it } from 'vitest';

import type { AnthropicMessage } from '../anthropic/message';
import type { OpenAIChatCompletion } from '../openai/chat-completion';
import { convertAnthropicMessageToOpenAI } from './convert-anthropic-message-to-openai';
import { convertOpenAICompletionToAnthropic } from './convert-openai-completion-to-anthropic';
import { mapAnthropicStopReason, mapOpenAIFinishReason } from './map-stop-reason';
import { anthropicUsageToOpenAI, mergeAnthropicUsage, openAIUsageToAnthropic } from './map-usage';
import { reasoningEffortBudgets, reasoningEffortForBudget } from './reasoning-effort';

const message: AnthropicMessage = {
  id: 'msg_01abc',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-6',
  content: [
    { type: 'thinking', thinking: 'Need the weather.', signature: 'sig' },
    { type: 'redacted_thinking', data: 'opaque' },
    { type: 'text', text: 'Checking ' },
    { type: 'text', text: 'now.' },
    { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
    { type: 'tool_use', id: 'toolu_2', name: 'ApplyPatch', input: { input: '*** Begin Patch' } },
  ],
  stop_reason: 'tool_use',
  stop_sequence: null,
  usage: {
    input_tokens: 100,
    output_tokens: 40,
    cache_creation_input_tokens: 20,
    cache_read_input_tokens: 300,
  },
};

describe('stop reasons', () => {
  it('maps every Anthropic stop reason (protocols.md §5.12)', () => {
    const table = {
      end_turn: 'stop',
      stop_sequence: 'stop',
      max_tokens: 'length',
      tool_use: 'tool_calls',
      refusal: 'content_filter',
      pause_turn: 'stop',
      model_context_window_exceeded: 'length',
    } as const;
    for (const [stopReason, finish] of Object.entries(table)) {
      expect(
        mapAnthropicStopReason({
          stopReason: stopReason as keyof typeof table,
          hasToolCalls: stopReason === 'tool_use',
        }),
      ).toBe(finish);
    }
    expect(mapAnthropicStopReason({ stopReason: 'end_turn', hasToolCalls: true })).toBe(
      'tool_calls',
    );
    expect(mapAnthropicStopReason({ stopReason: 'tool_use', hasToolCalls: false })).toBe('stop');
    expect(mapAnthropicStopReason({ stopReason: 'max_tokens', hasToolCalls: true })).toBe('length');
  });

  it('maps every OpenAI finish reason', () => {
    expect(mapOpenAIFinishReason('stop')).toBe('end_turn');
    expect(mapOpenAIFinishReason('length')).toBe('max_tokens');
    expect(mapOpenAIFinishReason('tool_calls')).toBe('tool_use');
    expect(mapOpenAIFinishReason('function_call')).toBe('tool_use');
    expect(mapOpenAIFinishReason('content_filter')).toBe('refusal');
  });
});

describe('usage', () => {
  it('adds cache reads and writes to prompt_tokens and back', () => {
    expect(anthropicUsageToOpenAI(message.usage)).toEqual({
      prompt_tokens: 420,
      completion_tokens: 40,
      total_tokens: 460,
      prompt_tokens_details: { cached_tokens: 300 },
    });
    expect(
      openAIUsageToAnthropic({
        prompt_tokens: 420,
        completion_tokens: 40,
        total_tokens: 460,
        prompt_tokens_details: { cached_tokens: 300 },
      }),
    ).toEqual({
      input_tokens: 120,
      output_tokens: 40,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 300,
    });
    expect(openAIUsageToAnthropic(undefined)).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
  });

  it('merges cumulative updates, ignoring nulls', () => {
    expect(
      mergeAnthropicUsage(
        { input_tokens: 5, output_tokens: 1 },
        { output_tokens: 9, input_tokens: null },
      ),
    ).toEqual({
      input_tokens: 5,
      output_tokens: 9,
    });
  });
});

describe('reasoning effort table', () => {
  it('maps every budget back to its own effort', () => {
    for (const [effort, budget] of Object.entries(reasoningEffortBudgets)) {
      expect(reasoningEffortForBudget(budget)).toBe(effort === 'max' ? 'xhigh' : effort);
    }
  });
});

describe('convertAnthropicMessageToOpenAI', () => {
  it('joins text, exposes thinking, maps tool calls (custom ones unwrapped), finish reason and usage', () => {
    const completion = convertAnthropicMessageToOpenAI(message, {
      customToolNames: ['ApplyPatch'],
      created: 42,
    });
    expect(completion).toEqual({
      id: 'chatcmpl-01abc',
      object: 'chat.completion',
      created: 42,
      model: 'claude-sonnet-4-6',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Checking now.',
            refusal: null,
            reasoning_content: 'Need the weather.',
            tool_calls: [
              {
                id: 'toolu_1',
                type: 'function',
                function: { name: 'weather', arguments: '{"city":"Paris"}' },
              },
              {
                id: 'toolu_2',
                type: 'custom',
                custom: { name: 'ApplyPatch', input: '*** Begin Patch' },
              },
            ],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: {
        prompt_tokens: 420,
        completion_tokens: 40,
        total_tokens: 460,
        prompt_tokens_details: { cached_tokens: 300 },
      },
    });
  });

  it('reports content null when there is only a tool call', () => {
    const completion = convertAnthropicMessageToOpenAI({
      ...message,
      content: [message.content[4]!],
    });
    expect(completion.choices[0]?.message.content).toBeNull();
  });
});

describe('convertOpenAICompletionToAnthropic', () => {
  const completion: OpenAIChatCompletion = {
    id: 'chatcmpl-xyz',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-x',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'Sure.',
          refusal: null,
          reasoning_content: 'Thinking.',
          tool_calls: [
            {
              id: 'functions.run:0',
              type: 'function',
              function: { name: 'run', arguments: '{"cmd":"ls"}' },
            },
            { id: 'call_c', type: 'custom', custom: { name: 'ApplyPatch', input: 'patch' } },
          ],
        },
        logprobs: null,
        finish_reason: 'tool_calls',
      },
    ],
    usage: {
      prompt_tokens: 50,
      completion_tokens: 10,
      total_tokens: 60,
      prompt_tokens_details: { cached_tokens: 20 },
    },
  };

  it('builds thinking, text and tool_use blocks with valid ids, stop reason and usage', () => {
    const converted = convertOpenAICompletionToAnthropic(completion);
    expect(converted).toMatchObject({
      id: 'msg_xyz',
      model: 'gpt-x',
      stop_reason: 'tool_use',
      usage: {
        input_tokens: 30,
        output_tokens: 10,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 20,
      },
    });
    expect(converted.content.map((block) => block.type)).toEqual([
      'thinking',
      'text',
      'tool_use',
      'tool_use',
    ]);
    expect(converted.content[2]).toMatchObject({ name: 'run', input: { cmd: 'ls' } });
    expect((converted.content[2] as { id: string }).id).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(converted.content[3]).toEqual({
      type: 'tool_use',
      id: 'call_c',
      name: 'ApplyPatch',
      input: { input: 'patch' },
    });
  });

  it('rejects tool arguments that are not JSON unless the answer was cut by the length limit', () => {
    const broken = structuredClone(completion);
    const call = broken.choices[0]!.message.tool_calls![0]!;
    if (call.type === 'function') call.function.arguments = '{"cmd": "l';
    expect(() => convertOpenAICompletionToAnthropic(broken)).toThrow(/not a JSON object/);
    broken.choices[0]!.finish_reason = 'length';
    expect(convertOpenAICompletionToAnthropic(broken)).toMatchObject({
      stop_reason: 'max_tokens',
      content: [{}, {}, { input: {} }, {}],
    });
  });
});
