import type { AnthropicStreamEvent } from '@octoproxy/converters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { anthropicEventViolations } from '../../test/support/anthropic-event-rules';
import { collect, streamOf } from '../../test/support/kiro-frames';
import { createKiroToAnthropicStream } from './create-kiro-to-anthropic-stream';
import type { KiroAnthropicConverterOptions } from './kiro-anthropic-converter';
import type { KiroEvent } from './kiro-event';
import { isMintedThinkingSignature } from './thinking-signature';

const base: KiroAnthropicConverterOptions = {
  model: 'claude-sonnet-4-5',
  inputTokens: 1234,
  contextWindowTokens: 200_000,
  messageId: 'msg_test',
};

async function run(events: KiroEvent[], options: Partial<KiroAnthropicConverterOptions> = {}) {
  const { stream, summary } = createKiroToAnthropicStream({ ...base, ...options });
  const output = await collect(streamOf(events).pipeThrough(stream));
  return { output, summary: await summary };
}

function text(
  output: AnthropicStreamEvent[],
  kind: 'text_delta' | 'thinking_delta' | 'input_json_delta',
) {
  return output
    .flatMap((event) =>
      event.type === 'content_block_delta' && event.delta.type === kind ? [event.delta] : [],
    )
    .map((delta) =>
      'text' in delta
        ? delta.text
        : 'thinking' in delta
          ? delta.thinking
          : 'partial_json' in delta
            ? delta.partial_json
            : '',
    )
    .join('');
}

const tool = (input?: string, stop = false, id = 'tooluse_1', name = 'Bash'): KiroEvent => ({
  type: 'toolUse',
  toolUseId: id,
  name,
  ...(input === undefined ? {} : { input }),
  stop,
});

describe('createKiroToAnthropicStream', () => {
  it('maps text and a tool call, restoring the aliased tool name', async () => {
    const alias = 'mcp__a_b__c_0123456789ab';
    const { output, summary } = await run(
      [
        { type: 'assistantResponse', content: 'Let me ' },
        { type: 'assistantResponse', content: 'check.' },
        tool(undefined, false, 'tooluse_1', alias),
        tool('{"command":', false, 'tooluse_1', alias),
        tool('"ls"}', false, 'tooluse_1', alias),
        tool(undefined, true, 'tooluse_1', alias),
        { type: 'metering', usage: 0.25, unit: 'credit' },
        { type: 'contextUsage', contextUsagePercentage: 5 },
      ],
      { toolNames: new Map([[alias, 'mcp__a-b__c']]) },
    );
    expect(anthropicEventViolations(output)).toEqual([]);
    expect(output[0]).toMatchObject({
      type: 'message_start',
      message: { id: 'msg_test', model: 'claude-sonnet-4-5', usage: { input_tokens: 1234 } },
    });
    expect(output).toContainEqual({
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'tool_use', id: 'tooluse_1', name: 'mcp__a-b__c', input: {} },
    });
    expect(text(output, 'text_delta')).toBe('Let me check.');
    expect(text(output, 'input_json_delta')).toBe('{"command":"ls"}');
    expect(output.at(-2)).toMatchObject({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use' },
      usage: { input_tokens: 10_000 },
    });
    expect(summary).toMatchObject({
      stopReason: 'tool_use',
      credits: 0.25,
      creditUnit: 'credit',
      inputTokens: 10_000,
      inputTokensSource: 'context_usage',
      toolCalls: 1,
      error: undefined,
    });
    expect(summary.outputTokens).toBeGreaterThan(0);
  });

  it('turns inline thinking into a signed thinking block', async () => {
    const { output } = await run(
      [
        { type: 'assistantResponse', content: '<thinking>\nplan' },
        { type: 'assistantResponse', content: ' more</thin' },
        { type: 'assistantResponse', content: 'king>\n\nAnswer' },
      ],
      { thinking: true },
    );
    expect(anthropicEventViolations(output)).toEqual([]);
    expect(text(output, 'thinking_delta')).toBe('plan more');
    expect(text(output, 'text_delta')).toBe('Answer');
    const signature = output.find(
      (event) => event.type === 'content_block_delta' && event.delta.type === 'signature_delta',
    );
    expect(
      isMintedThinkingSignature((signature as { delta: { signature: string } }).delta.signature),
    ).toBe(true);
  });

  it('leaves thinking tags alone when thinking was not requested, and withholds omitted thinking', async () => {
    const plain = await run([
      { type: 'assistantResponse', content: '<thinking>x</thinking>\n\ny' },
    ]);
    expect(text(plain.output, 'text_delta')).toBe('<thinking>x</thinking>\n\ny');
    const omitted = await run(
      [
        { type: 'reasoningContent', text: 'secret', signature: 'sig-1' },
        { type: 'assistantResponse', content: 'ok' },
      ],
      { thinking: true, thinkingDisplay: 'omitted' },
    );
    expect(anthropicEventViolations(omitted.output)).toEqual([]);
    expect(text(omitted.output, 'thinking_delta')).toBe('');
    expect(omitted.output).toContainEqual({
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'signature_delta', signature: 'sig-1' },
    });
  });

  it('maps reasoning events with signatures and redacted content', async () => {
    const { output } = await run(
      [
        { type: 'reasoningContent', text: 'step 1' },
        { type: 'reasoningContent', text: ', step 2', signature: 'abc' },
        { type: 'reasoningContent', redactedContent: 'opaque' },
        { type: 'assistantResponse', content: '<thinking>not parsed</thinking>' },
      ],
      { thinking: true },
    );
    expect(anthropicEventViolations(output)).toEqual([]);
    expect(text(output, 'thinking_delta')).toBe('step 1, step 2');
    expect(output).toContainEqual({
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'redacted_thinking', data: 'opaque' },
    });
    expect(text(output, 'text_delta')).toBe('<thinking>not parsed</thinking>');
  });

  it('reports max_tokens on ContentLengthExceededException and on cut-off tool arguments', async () => {
    const exceeded = await run([
      { type: 'assistantResponse', content: 'long' },
      { type: 'exception', exceptionType: 'ContentLengthExceededException', message: 'too long' },
    ]);
    expect(exceeded.summary.stopReason).toBe('max_tokens');
    const cut = await run([tool('{"path":"/a'), { type: 'metering', usage: 1 }]);
    expect(anthropicEventViolations(cut.output).filter((v) => !v.includes('not JSON'))).toEqual([]);
    expect(cut.summary.stopReason).toBe('max_tokens');
  });

  it('emits {} for a tool call without arguments', async () => {
    const { output, summary } = await run([tool(undefined, false), tool(undefined, true)]);
    expect(anthropicEventViolations(output)).toEqual([]);
    expect(text(output, 'input_json_delta')).toBe('{}');
    expect(summary.stopReason).toBe('tool_use');
  });

  it('reports a full context window and exact usage from metadata', async () => {
    const full = await run([
      { type: 'assistantResponse', content: 'x' },
      { type: 'contextUsage', contextUsagePercentage: 100 },
    ]);
    expect(full.summary.stopReason).toBe('model_context_window_exceeded');
    const exact = await run([
      { type: 'assistantResponse', content: 'x' },
      {
        type: 'metadata',
        tokenUsage: { uncachedInputTokens: 50, outputTokens: 9, cacheReadInputTokens: 7 },
      },
      { type: 'contextUsage', contextUsagePercentage: 50 },
    ]);
    expect(exact.summary).toMatchObject({
      inputTokens: 50,
      inputTokensSource: 'metadata',
      outputTokens: 9,
      outputTokensExact: true,
      cacheReadInputTokens: 7,
    });
    expect(exact.output.at(-2)).toMatchObject({
      usage: { output_tokens: 9, input_tokens: 50, cache_read_input_tokens: 7 },
    });
  });

  it('ends with an in-band error event when an exception follows output', async () => {
    const { output, summary } = await run([
      { type: 'assistantResponse', content: 'partial' },
      { type: 'exception', exceptionType: 'ThrottlingException', message: 'Rate exceeded' },
      { type: 'assistantResponse', content: 'never seen' },
    ]);
    expect(anthropicEventViolations(output)).toEqual([]);
    expect(output.at(-1)).toEqual({
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message: 'The upstream account is rate limited; try again later.',
      },
    });
    expect(summary.error).toMatchObject({ reason: 'throttled' });
    expect(text(output, 'text_delta')).toBe('partial');
  });

  it('errors the stream with a typed error when nothing was sent yet', async () => {
    const { stream, summary } = createKiroToAnthropicStream(base);
    await expect(
      collect(
        streamOf<KiroEvent>([
          { type: 'exception', exceptionType: 'InternalServerException', message: 'boom' },
        ]).pipeThrough(stream),
      ),
    ).rejects.toMatchObject({ reason: 'upstream_5xx', fault: 'upstream' });
    expect((await summary).error).toMatchObject({ reason: 'upstream_5xx' });
    const empty = createKiroToAnthropicStream(base);
    await expect(collect(streamOf<KiroEvent>([]).pipeThrough(empty.stream))).rejects.toMatchObject({
      reason: 'upstream_5xx',
    });
  });
});

const kiroEvent: fc.Arbitrary<KiroEvent> = fc.oneof(
  fc.string({ maxLength: 12 }).map((content) => ({ type: 'assistantResponse' as const, content })),
  fc
    .constantFrom('<thinking>', '</thinking>', '\n\n', '`</thinking>`')
    .map((content) => ({ type: 'assistantResponse' as const, content })),
  fc.record({
    type: fc.constant('toolUse' as const),
    toolUseId: fc.constantFrom('t1', 't2', 't3'),
    name: fc.constantFrom('Bash', 'Read'),
    input: fc.constantFrom('{"a":', '1}', '', '{}'),
    stop: fc.boolean(),
  }),
  fc.record({ type: fc.constant('reasoningContent' as const), text: fc.string({ maxLength: 5 }) }),
  fc.record({
    type: fc.constant('reasoningContent' as const),
    signature: fc.string({ minLength: 1, maxLength: 5 }),
  }),
  fc.constant({ type: 'metering' as const, usage: 0.1 }),
  fc.constant({ type: 'contextUsage' as const, contextUsagePercentage: 12.5 }),
  fc.constant({
    type: 'exception' as const,
    exceptionType: 'ContentLengthExceededException',
    message: '',
  }),
  fc.constant({ type: 'ignored' as const, eventType: 'followupPromptEvent' }),
);

describe('createKiroToAnthropicStream property', () => {
  it('always produces a stream that obeys the Anthropic order rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(kiroEvent, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (events, thinking) => {
          const { output } = await run(events, { thinking });
          const violations = anthropicEventViolations(output).filter(
            (violation) => !violation.includes('is not JSON'),
          );
          expect(violations).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
