import { afterEach, describe, expect, it, vi } from 'vitest';

import { collectText, streamOf } from '../../test/stream-helpers';
import type { OpenAIStreamItem } from '../openai/chat-completion';
import { createAnthropicSseEncoderStream, encodeAnthropicSseEvent } from './encode-anthropic-sse';
import { createOpenAISseEncoderStream } from './encode-openai-sse';
import { anthropicPingFrame, sseComment, withKeepalive } from './keepalive';

const chunk: OpenAIStreamItem = {
  id: 'c',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [],
};

describe('SSE encoders', () => {
  it('writes Anthropic frames with an event line matching data.type', async () => {
    const text = await collectText(
      streamOf([{ type: 'ping' as const }, { type: 'message_stop' as const }]).pipeThrough(
        createAnthropicSseEncoderStream(),
      ),
    );
    expect(text).toBe(
      'event: ping\ndata: {"type":"ping"}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
    expect(anthropicPingFrame()).toBe(encodeAnthropicSseEvent({ type: 'ping' }));
  });

  it('writes OpenAI data-only frames and [DONE] at the end of a normal stream', async () => {
    const text = await collectText(streamOf([chunk]).pipeThrough(createOpenAISseEncoderStream()));
    expect(text).toBe(`data: ${JSON.stringify(chunk)}\n\ndata: [DONE]\n\n`);
  });

  it('writes no [DONE] and nothing more after an error object', async () => {
    const error: OpenAIStreamItem = {
      error: { message: 'boom', type: 'server_error', param: null, code: null },
    };
    const text = await collectText(
      streamOf([chunk, error, chunk]).pipeThrough(createOpenAISseEncoderStream()),
    );
    expect(text).toBe(`data: ${JSON.stringify(chunk)}\n\ndata: ${JSON.stringify(error)}\n\n`);
  });

  it('writes comments on one line', () => {
    expect(sseComment()).toBe(': keepalive\n\n');
    expect(sseComment('a\nb')).toBe(': a b\n\n');
  });
});

describe('withKeepalive', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the keepalive frame only while the source is silent', async () => {
    vi.useFakeTimers();
    const encoder = new TextEncoder();
    let push: (text: string) => void = () => undefined;
    let end: () => void = () => undefined;
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(encoder.encode(text));
        end = () => controller.close();
      },
    });
    const output = withKeepalive(source, { intervalMs: 15_000, frame: sseComment() });
    const textPromise = collectText(output);
    await vi.advanceTimersByTimeAsync(14_000);
    push('data: 1\n\n');
    await vi.advanceTimersByTimeAsync(14_000);
    push('data: 2\n\n');
    await vi.advanceTimersByTimeAsync(31_000);
    end();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await textPromise).toBe('data: 1\n\ndata: 2\n\n: keepalive\n\n: keepalive\n\n');
  });

  it('cancels the source when the consumer cancels', async () => {
    let cancelled: unknown;
    const source = new ReadableStream<Uint8Array>({
      cancel(reason) {
        cancelled = reason;
      },
    });
    await withKeepalive(source, { intervalMs: 1000, frame: ': k\n\n' }).cancel('client went away');
    expect(cancelled).toBe('client went away');
  });
});
