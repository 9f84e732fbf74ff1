import { claudeCodeCaptures } from '@octoproxy/fixtures';
import { anthropicMessagesRequestSchema } from '@octoproxy/converters';
import { bench, describe } from 'vitest';

import {
  buildKiroRequest,
  createKiroEventDecoder,
  createKiroToAnthropicStream,
} from '../src/index';
import { collect, concatBytes, eventFrame, streamOf } from '../test/support/kiro-frames';

const answer = concatBytes([
  ...Array.from({ length: 2_000 }, (_, index) =>
    eventFrame('assistantResponseEvent', { content: `word ${index} with some ✓ text ` }),
  ),
  eventFrame('meteringEvent', { unit: 'credit', usage: 0.5 }),
  eventFrame('contextUsageEvent', { contextUsagePercentage: 12 }),
]);
// Network-sized chunks.
const chunks = Array.from({ length: Math.ceil(answer.byteLength / 16_384) }, (_, index) =>
  answer.subarray(index * 16_384, (index + 1) * 16_384),
);
const capture = anthropicMessagesRequestSchema.parse(claudeCodeCaptures[1]!.body);

describe('kiro hot paths', () => {
  bench('decode and convert a 2 000-frame answer', async () => {
    const { stream } = createKiroToAnthropicStream({
      model: 'claude-sonnet-4-5',
      inputTokens: 1000,
      contextWindowTokens: 200_000,
    });
    await collect(streamOf(chunks).pipeThrough(createKiroEventDecoder()).pipeThrough(stream));
  });

  bench('build the Kiro body of a Claude Code tool turn', () => {
    buildKiroRequest({ request: capture });
  });
});
