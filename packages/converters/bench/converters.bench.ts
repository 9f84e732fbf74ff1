import { claudeCodeCaptures } from '@octoproxy/fixtures';
import { bench, describe } from 'vitest';

import { aggregateAnthropicStream } from '../src/aggregate/anthropic-message-accumulator';
import { parseAnthropicMessagesRequest } from '../src/anthropic/parse-anthropic-request';
import type { AnthropicStreamEvent } from '../src/anthropic/stream-event';
import { convertAnthropicRequestToOpenAI } from '../src/convert/convert-anthropic-request-to-openai';
import { convertOpenAIRequestToAnthropic } from '../src/convert/convert-openai-request-to-anthropic';
import type { OpenAIStreamItem } from '../src/openai/chat-completion';
import { parseOpenAIChatRequest } from '../src/openai/parse-openai-chat-request';
import { createAnthropicSseEncoderStream } from '../src/sse/encode-anthropic-sse';
import { createOpenAISseEncoderStream } from '../src/sse/encode-openai-sse';
import { createSseParserStream } from '../src/sse/parse-sse-stream';
import { createAnthropicToOpenAIChunkStream } from '../src/stream/anthropic-to-openai-chunks';
import { createOpenAIToAnthropicEventStream } from '../src/stream/openai-to-anthropic-events';
import { createStopSequenceStream } from '../src/stream/stop-sequence-stream';
import { messageEnd, messageStart, textBlock } from '../test/anthropic-scenarios';
import { collect, streamOf } from '../test/stream-helpers';

const deltas = Array.from({ length: 10_000 }, (_value, index) => `token ${index} ünï `);
const events: AnthropicStreamEvent[] = [
  messageStart(),
  ...textBlock(0, deltas),
  ...messageEnd('end_turn'),
];
const chunks: OpenAIStreamItem[] = [
  ...deltas.map((content): OpenAIStreamItem => ({
    id: 'chatcmpl-b',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  })),
  {
    id: 'chatcmpl-b',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
  },
];
const sseBytes = await collect(streamOf(events).pipeThrough(createAnthropicSseEncoderStream()));
const capture = claudeCodeCaptures[1]!.body;

describe('streams (10 000 text deltas)', () => {
  bench('Anthropic events → OpenAI SSE bytes (stop sequences on)', async () => {
    await collect(
      streamOf(events)
        .pipeThrough(createStopSequenceStream({ stopSequences: ['<<END>>'] }))
        .pipeThrough(createAnthropicToOpenAIChunkStream({ includeUsage: true }))
        .pipeThrough(createOpenAISseEncoderStream()),
    );
  });

  bench('OpenAI chunks → Anthropic events → aggregated message', async () => {
    await aggregateAnthropicStream(
      streamOf(chunks).pipeThrough(createOpenAIToAnthropicEventStream()),
    );
  });

  bench('SSE bytes → parsed messages', async () => {
    await collect(streamOf(sseBytes).pipeThrough(createSseParserStream()));
  });
});

describe('requests (Claude Code tool turn)', () => {
  bench('Anthropic → OpenAI → Anthropic with validation', () => {
    const openai = convertAnthropicRequestToOpenAI(parseAnthropicMessagesRequest(capture)).request;
    convertOpenAIRequestToAnthropic(parseOpenAIChatRequest(openai));
  });
});
