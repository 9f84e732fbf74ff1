import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  collect,
  concatBytes,
  eventFrame,
  exceptionFrame,
  recordedAnswerFrames,
  splitAt,
  streamOf,
} from '../../test/support/kiro-frames';
import { isKiroError } from '../errors/kiro-error';
import { createKiroEventDecoder } from './create-kiro-event-decoder';
import type { KiroEvent } from './kiro-event';

async function decode(chunks: readonly Uint8Array[], maxFrameBytes?: number): Promise<KiroEvent[]> {
  const options = maxFrameBytes === undefined ? {} : { maxFrameBytes };
  return collect(streamOf(chunks).pipeThrough(createKiroEventDecoder(options)));
}

const recorded = concatBytes(recordedAnswerFrames());

describe('createKiroEventDecoder', () => {
  it('decodes a recorded answer into typed events', async () => {
    const events = await decode([recorded]);
    expect(events).toEqual([
      { type: 'messageMetadata', conversationId: 'c-1', utteranceId: 'u-1' },
      { type: 'assistantResponse', content: 'Héllo, 世界 ' },
      { type: 'assistantResponse', content: '👋🏽 emoji and ✓ marks.' },
      { type: 'toolUse', toolUseId: 'tooluse_1', name: 'Bash', stop: false },
      { type: 'toolUse', toolUseId: 'tooluse_1', name: 'Bash', input: '{"command":', stop: false },
      { type: 'toolUse', toolUseId: 'tooluse_1', name: 'Bash', input: '"ls ü"}', stop: false },
      { type: 'toolUse', toolUseId: 'tooluse_1', name: 'Bash', stop: true },
      { type: 'metering', usage: 0.0169, unit: 'credit' },
      { type: 'contextUsage', contextUsagePercentage: 5.2 },
    ]);
  });

  it('decodes any split of the byte stream to the same events', async () => {
    const expected = await decode([recorded]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: recorded.byteLength - 1 }), { maxLength: 40 }),
        async (cuts) => {
          expect(await decode(splitAt(recorded, cuts))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives byte-by-byte delivery (multi-byte UTF-8 split everywhere)', async () => {
    const bytes = [...recorded].map((byte) => Uint8Array.of(byte));
    expect(await decode(bytes)).toEqual(await decode([recorded]));
  });

  it('turns any flipped bit into a clean corrupt_stream error, never other text', async () => {
    const expectedTexts = (await decode([recorded])).flatMap((event) =>
      event.type === 'assistantResponse' ? [event.content] : [],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: recorded.byteLength * 8 - 1 }),
        fc.array(fc.integer({ min: 1, max: recorded.byteLength - 1 }), { maxLength: 6 }),
        async (bit, cuts) => {
          const damaged = recorded.slice();
          damaged[bit >> 3]! ^= 1 << (bit & 7);
          const seen: KiroEvent[] = [];
          let failure: unknown;
          try {
            for await (const event of streamOf(splitAt(damaged, cuts)).pipeThrough(
              createKiroEventDecoder({ maxFrameBytes: 4096 }),
            )) {
              seen.push(event);
            }
          } catch (error) {
            failure = error;
          }
          expect(isKiroError(failure)).toBe(true);
          expect(failure).toMatchObject({ reason: 'corrupt_stream', fault: 'upstream' });
          for (const event of seen) {
            if (event.type === 'assistantResponse') expect(expectedTexts).toContain(event.content);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a frame longer than the maximum before buffering it', async () => {
    const big = eventFrame('assistantResponseEvent', { content: 'x'.repeat(2000) });
    await expect(decode([big.subarray(0, 12)], 1024)).rejects.toMatchObject({
      reason: 'corrupt_stream',
      message: expect.stringContaining('outside 16..1024'),
    });
  });

  it('reports a stream cut inside a frame', async () => {
    const frame = eventFrame('assistantResponseEvent', { content: 'hello' });
    await expect(decode([frame.subarray(0, frame.byteLength - 3)])).rejects.toMatchObject({
      reason: 'corrupt_stream',
      message: expect.stringContaining('ended inside a frame'),
    });
  });

  it('rejects invalid UTF-8 and non-JSON payloads with a typed error', async () => {
    const { EventStreamCodec } = await import('@smithy/core/event-streams');
    const codec = new EventStreamCodec(
      (bytes) => new TextDecoder().decode(bytes),
      (text) => new TextEncoder().encode(text),
    );
    const headers = {
      ':message-type': { type: 'string' as const, value: 'event' },
      ':event-type': { type: 'string' as const, value: 'assistantResponseEvent' },
    };
    const badUtf8 = codec.encode({ headers, body: Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d) });
    await expect(decode([badUtf8])).rejects.toMatchObject({
      message: expect.stringContaining('not valid UTF-8'),
    });
    const notJson = codec.encode({ headers, body: new TextEncoder().encode('{"content":') });
    await expect(decode([notJson])).rejects.toMatchObject({
      message: expect.stringContaining('not valid JSON'),
    });
    const wrongShape = codec.encode({ headers, body: new TextEncoder().encode('{"content":1}') });
    await expect(decode([wrongShape])).rejects.toMatchObject({
      message: expect.stringContaining('unexpected shape'),
    });
  });

  it('maps exception frames, reasoning, metadata, and ignores unknown events', async () => {
    const events = await decode([
      eventFrame('reasoningContentEvent', { text: 'hmm', signature: 'sig' }),
      eventFrame('metadataEvent', { tokenUsage: { outputTokens: 7, uncachedInputTokens: 3 } }),
      eventFrame('followupPromptEvent', { followupPrompt: { content: 'not text' } }),
      eventFrame('someFutureEvent', { content: 'not text either' }),
      exceptionFrame('ThrottlingException', 'slow down'),
    ]);
    expect(events).toEqual([
      { type: 'reasoningContent', text: 'hmm', signature: 'sig' },
      { type: 'metadata', tokenUsage: { outputTokens: 7, uncachedInputTokens: 3 } },
      { type: 'ignored', eventType: 'followupPromptEvent' },
      { type: 'ignored', eventType: 'someFutureEvent' },
      { type: 'exception', exceptionType: 'ThrottlingException', message: 'slow down' },
    ]);
  });
});
