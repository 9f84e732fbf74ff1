import { describe, expect, it } from 'vitest';

import {
  errorScenario,
  messageEnd,
  messageStart,
  multiToolScenario,
  textBlock,
  textScenario,
  thinkingScenario,
  toolBlock,
} from '../../test/anthropic-scenarios';
import { streamOf, transformAll } from '../../test/stream-helpers';
import { aggregateAnthropicStream } from '../aggregate/anthropic-message-accumulator';
import { aggregateResponsesStream } from '../aggregate/aggregate-responses-stream';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';
import { convertAnthropicMessageToResponse } from '../convert/convert-anthropic-message-to-response';
import { decodeReasoningContent } from '../convert/reasoning-carrier';
import { PromptTooLongError } from '../errors/prompt-too-long-error';
import { OctoProxyError } from '../errors/octoproxy-error';
import type { ResponsesResponse, ResponsesStreamEvent } from '../responses/response';
import {
  AnthropicToResponsesEventConverter,
  createAnthropicToResponsesEventStream,
  type AnthropicToResponsesOptions,
} from './anthropic-to-responses-events';

function convert(events: AnthropicStreamEvent[], options: AnthropicToResponsesOptions = {}) {
  return transformAll(events, createAnthropicToResponsesEventStream({ createdAt: 7, ...options }));
}

function withParsedArguments(response: ResponsesResponse) {
  return {
    ...response,
    output: response.output.map((item) =>
      item.type === 'function_call'
        ? { ...item, arguments: JSON.parse(item.arguments) as unknown }
        : item,
    ),
  };
}

const typesOf = (events: ResponsesStreamEvent[]) => events.map((event) => event.type);

describe('AnthropicToResponsesEventConverter', () => {
  it('text: the exact event sequence of a message item, increasing sequence numbers, usage at the end', async () => {
    const events = await convert(textScenario, { model: 'gpt-5-codex' });
    expect(typesOf(events)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events[0]).toMatchObject({
      response: {
        id: 'resp_01test',
        object: 'response',
        status: 'in_progress',
        model: 'gpt-5-codex',
        output: [],
        created_at: 7,
      },
    });
    const completed = events.at(-1);
    expect(completed).toMatchObject({
      type: 'response.completed',
      response: {
        status: 'completed',
        output: [
          {
            type: 'message',
            id: 'msg_01test_0',
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: 'Hello, world — ünïcødé 🎉!', annotations: [] }],
          },
        ],
        usage: {
          input_tokens: 377,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: 12,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: 389,
        },
      },
    });
  });

  it('function calls: argument deltas, then output_item.done with the complete arguments', async () => {
    const events = await convert(multiToolScenario);
    const done = events.flatMap((event) =>
      event.type === 'response.output_item.done' ? [event.item] : [],
    );
    expect(done).toEqual([
      expect.objectContaining({ type: 'message' }),
      {
        type: 'function_call',
        id: 'fc_01tools_1',
        call_id: 'toolu_01A',
        name: 'get_weather',
        arguments: '{"location": "Paris"}',
        status: 'completed',
      },
      {
        type: 'function_call',
        id: 'fc_01tools_2',
        call_id: 'toolu_01B',
        name: 'get_weather',
        arguments: '{"location": "Tōkyō"}',
        status: 'completed',
      },
    ]);
    const deltas = events.filter(
      (event) => event.type === 'response.function_call_arguments.delta',
    );
    expect(deltas.map((event) => event.delta).join('')).toBe(
      '{"location": "Paris"}{"location": "Tōkyō"}',
    );
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  it('custom, namespaced and local_shell calls come back as their own item types', async () => {
    const events = await convert(
      [
        messageStart('msg_01kinds'),
        ...toolBlock({
          index: 0,
          id: 'toolu_p',
          name: 'apply_patch',
          jsonPieces: ['{"input":"*** Begin', ' Patch\\n"}'],
        }),
        ...toolBlock({ index: 1, id: 'toolu_c', name: 'crm__lookup', jsonPieces: [] }),
        ...toolBlock({
          index: 2,
          id: 'toolu_s',
          name: 'local_shell',
          jsonPieces: ['{"command":["ls","-la"],"working_directory":"/tmp"}'],
        }),
        ...messageEnd('tool_use'),
      ],
      {
        toolMap: {
          apply_patch: { kind: 'custom', name: 'apply_patch' },
          crm__lookup: { kind: 'function', name: 'lookup', namespace: 'crm' },
          local_shell: { kind: 'local_shell', name: 'local_shell' },
        },
      },
    );
    const items = events.flatMap((event) =>
      event.type === 'response.output_item.done' ? [event.item] : [],
    );
    expect(items).toEqual([
      {
        type: 'custom_tool_call',
        id: 'ctc_01kinds_0',
        call_id: 'toolu_p',
        name: 'apply_patch',
        input: '*** Begin Patch\n',
        status: 'completed',
      },
      {
        type: 'function_call',
        id: 'fc_01kinds_1',
        call_id: 'toolu_c',
        name: 'lookup',
        namespace: 'crm',
        arguments: '{}',
        status: 'completed',
      },
      {
        type: 'local_shell_call',
        id: 'lsh_01kinds_2',
        call_id: 'toolu_s',
        status: 'completed',
        action: {
          type: 'exec',
          command: ['ls', '-la'],
          working_directory: '/tmp',
          timeout_ms: null,
          env: {},
          user: null,
        },
      },
    ]);
    expect(
      events.find((event) => event.type === 'response.custom_tool_call_input.done'),
    ).toMatchObject({
      input: '*** Begin Patch\n',
      output_index: 0,
    });
  });

  it('thinking: a reasoning summary when asked for, reasoning_text otherwise; encrypted_content only when included', async () => {
    const summary = await convert(thinkingScenario, {
      reasoningSummary: true,
      includeEncryptedReasoning: true,
    });
    expect(typesOf(summary).slice(2, 9)).toEqual([
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
    ]);
    const reasoning = summary.find(
      (event) => event.type === 'response.output_item.done' && event.item.type === 'reasoning',
    );
    expect(reasoning).toMatchObject({
      item: {
        type: 'reasoning',
        id: 'rs_01think_0',
        summary: [{ type: 'summary_text', text: 'Let me think about 2+2.' }],
      },
    });
    const encrypted = (reasoning as { item: { encrypted_content: string } }).item.encrypted_content;
    expect(decodeReasoningContent(encrypted)).toEqual({
      type: 'thinking',
      thinking: 'Let me think about 2+2.',
      signature: 'c2lnbmF0dXJl',
    });

    const text = await convert(thinkingScenario);
    expect(typesOf(text)).toContain('response.reasoning_text.delta');
    const item = text.find((event) => event.type === 'response.output_item.done')!;
    expect(item).toMatchObject({
      item: {
        type: 'reasoning',
        summary: [],
        content: [{ type: 'reasoning_text', text: 'Let me think about 2+2.' }],
      },
    });
    expect(item).not.toHaveProperty('item.encrypted_content');
  });

  it('max_tokens ends with response.incomplete; a cut tool call is an incomplete item', async () => {
    const events = await convert([
      messageStart(),
      ...toolBlock({ index: 0, id: 'toolu_x', name: 'write', jsonPieces: ['{"text":"abc'] }),
      ...messageEnd('max_tokens'),
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'response.incomplete',
      response: {
        status: 'incomplete',
        incomplete_details: { reason: 'max_output_tokens' },
        output: [{ type: 'function_call', status: 'incomplete', arguments: '{"text":"abc' }],
      },
    });
  });

  it('errors end the stream with response.failed: error events, early ends, bad tool JSON, fail()', async () => {
    const upstreamError = await convert(errorScenario);
    expect(upstreamError.at(-1)).toMatchObject({
      type: 'response.failed',
      response: {
        status: 'failed',
        error: { code: 'server_is_overloaded', message: 'Overloaded' },
        output: [{ type: 'message', status: 'completed' }],
      },
    });
    const lifecycle = ['response.created', 'response.completed', 'response.failed'];
    expect(typesOf(upstreamError).filter((type) => lifecycle.includes(type))).toEqual([
      'response.created',
      'response.failed',
    ]);

    const early = await convert([messageStart(), ...textBlock(0, ['Hi']).slice(0, -1)]);
    expect(early.at(-1)).toMatchObject({
      type: 'response.failed',
      response: {
        error: { code: 'server_error' },
        output: [{ type: 'message', status: 'incomplete', content: [{ text: 'Hi' }] }],
      },
    });

    const badJson = await convert([
      messageStart(),
      ...toolBlock({ index: 0, id: 'toolu_x', name: 'write', jsonPieces: ['{"text":'] }),
      ...messageEnd('tool_use'),
    ]);
    expect(badJson.at(-1)).toMatchObject({ type: 'response.failed' });

    const converter = new AnthropicToResponsesEventConverter({ model: 'm' });
    const failed = converter.fail(
      new PromptTooLongError({ promptTokens: 300_000, maxTokens: 200_000 }),
    );
    expect(typesOf(failed)).toEqual([
      'response.created',
      'response.in_progress',
      'response.failed',
    ]);
    expect(failed.at(-1)).toMatchObject({
      sequence_number: 2,
      response: {
        error: {
          code: 'context_length_exceeded',
          message: 'prompt is too long: 300000 tokens > 200000 maximum',
        },
      },
    });
    expect(converter.fail(new Error('again'))).toEqual([]);
    expect(converter.push(messageStart())).toEqual([]);
  });

  it('stream:false: the aggregated message and the aggregated stream give the same Response', async () => {
    for (const scenario of [textScenario, multiToolScenario, thinkingScenario]) {
      const options = { createdAt: 7, reasoningSummary: true, includeEncryptedReasoning: true };
      const message = await aggregateAnthropicStream(streamOf(scenario));
      const whole = convertAnthropicMessageToResponse(message, options);
      const streamed = await aggregateResponsesStream(
        streamOf(scenario).pipeThrough(createAnthropicToResponsesEventStream(options)),
      );
      // The whole message re-serializes tool input, so arguments are compared as values.
      expect(withParsedArguments(whole)).toEqual(withParsedArguments(streamed));
    }
    await expect(
      aggregateResponsesStream(
        streamOf(errorScenario).pipeThrough(createAnthropicToResponsesEventStream()),
      ),
    ).rejects.toSatisfy((error) => OctoProxyError.isInstance(error) && error.kind === 'overloaded');
  });
});
