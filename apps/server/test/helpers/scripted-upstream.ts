import type { AnthropicStreamEvent } from '@octoproxy/converters';

import type { ModelDirectory } from '../../src/models/model-directory';
import { modelInfo } from '../../src/models/model-catalog';
import type { MessageBackend, OpenedStream } from '../../src/proxy/message-backend';
import type { Upstream } from '../../src/runtime/upstream';

/** The events of a short text answer, as the Kiro client produces them. */
export function textAnswer(text: string, model = 'claude-sonnet-4.5'): AnthropicStreamEvent[] {
  return [
    {
      type: 'message_start',
      message: {
        id: 'msg_test',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: 0,
          output_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      },
    },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    { type: 'content_block_stop', index: 0 },
    {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 3, input_tokens: 1234 },
    },
    { type: 'message_stop' },
  ];
}

export interface ScriptedCall {
  model: string;
  signal: AbortSignal;
  cancelledAt: number | undefined;
}

/**
 * A backend that plays given events with an optional delay before the first one and between the
 * rest, recording each call and when its stream was cancelled. It exercises the server's own plumbing
 * (keepalives, timeouts, disconnects) independently of the Kiro client.
 */
export function scriptedBackend(options: {
  events: () => AnthropicStreamEvent[];
  firstEventDelayMs?: number;
  gapMs?: number;
  fail?: Error;
}): MessageBackend & { calls: ScriptedCall[] } {
  const calls: ScriptedCall[] = [];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      });
    });
  return {
    calls,
    async open(request, context): Promise<OpenedStream> {
      const call: ScriptedCall = {
        model: request.model,
        signal: context.signal,
        cancelledAt: undefined,
      };
      calls.push(call);
      if (options.fail) throw options.fail;
      await sleep(options.firstEventDelayMs ?? 0, context.signal);
      const queue = options.events();
      const onAbort = () => {
        call.cancelledAt ??= Date.now();
      };
      context.signal.addEventListener('abort', onAbort);
      const events = new ReadableStream<AnthropicStreamEvent>({
        start(controller) {
          const first = queue.shift();
          if (first) controller.enqueue(first);
        },
        async pull(controller) {
          if (queue.length === 0) {
            controller.close();
            return;
          }
          await sleep(options.gapMs ?? 0, context.signal).catch(() => undefined);
          const next = queue.shift();
          if (next) controller.enqueue(next);
        },
        cancel() {
          onAbort();
        },
      });
      return {
        events,
        accountId: 'acct-1',
        attempts: 1,
        summary: Promise.resolve({ upstreamInputTokens: 1234, credits: 0.5 }),
      };
    },
  };
}

export const testModels: ModelDirectory = {
  toUpstreamId: (name) => name.replace(/-\d{8}$/, '').replace(/-(\d)-(\d)$/, '-$1.$2'),
  available: () => undefined,
  describe: (id) => modelInfo(id),
};

/** An upstream with no accounts' worth of background work, for tests of the server's own routes. */
export function scriptedUpstream(backend: MessageBackend): Upstream {
  return {
    backend,
    models: testModels,
    accounts: {
      healthCheck: () => Promise.resolve({ healthy: true, error: null }),
      refreshToken: () => Promise.resolve({ expiresAt: null }),
      syncUsage: () => Promise.resolve(),
      reset: () => Promise.resolve(),
      reload: () => Promise.resolve(),
    },
    health: () => ({}),
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}
