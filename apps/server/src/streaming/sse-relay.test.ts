import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { sseRelay, type RelayOutcome, type SseRelayOptions } from './sse-relay';

/** An upstream whose events the test pushes by hand. */
function manualUpstream() {
  let controller!: ReadableStreamDefaultController<string>;
  const cancelled: unknown[] = [];
  const stream = new ReadableStream<string>({
    start(c) {
      controller = c;
    },
    cancel(reason) {
      cancelled.push(reason);
    },
  });
  return { stream, controller, cancelled };
}

function relay(overrides: Partial<SseRelayOptions> & Pick<SseRelayOptions, 'opening'>) {
  const outcomes: RelayOutcome[] = [];
  const aborted: unknown[] = [];
  const body = sseRelay({
    abortOpening: (reason) => aborted.push(reason),
    keepalive: ': keepalive\n\n',
    keepaliveIntervalMs: 1000,
    firstTokenTimeoutMs: 5000,
    idleTimeoutMs: 3000,
    encodeError: (error) => `error: ${(error as Error).message}\n\n`,
    timeoutError: (phase) => new Error(`timeout ${phase}`),
    onClose: (outcome) => outcomes.push(outcome),
    ...overrides,
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const read = async () => {
    const result = await reader.read();
    return result.done ? null : decoder.decode(result.value);
  };
  return { reader, read, outcomes, aborted };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('sseRelay', () => {
  it('relays events and completes', async () => {
    const upstream = manualUpstream();
    const { read, outcomes } = relay({ opening: Promise.resolve(upstream.stream) });
    upstream.controller.enqueue('a\n\n');
    expect(await read()).toBe('a\n\n');
    upstream.controller.close();
    expect(await read()).toBeNull();
    expect(outcomes).toEqual([{ kind: 'completed' }]);
  });

  it('sends keepalives while the first event is awaited, then times out and aborts', async () => {
    const { read, outcomes, aborted } = relay({ opening: new Promise(() => undefined) });
    const first = read();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await first).toBe(': keepalive\n\n');
    for (let index = 0; index < 3; index += 1) {
      const next = read();
      await vi.advanceTimersByTimeAsync(1000);
      expect(await next).toBe(': keepalive\n\n');
    }
    const last = read();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await last).toBe('error: timeout first_token\n\n');
    expect(await read()).toBeNull();
    expect(aborted).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: 'failed' });
  });

  it('ends a silent stream with an error event after the idle timeout and cancels upstream', async () => {
    const upstream = manualUpstream();
    const { read } = relay({ opening: Promise.resolve(upstream.stream) });
    upstream.controller.enqueue('a\n\n');
    expect(await read()).toBe('a\n\n');
    const chunks: (string | null)[] = [];
    for (let index = 0; index < 3; index += 1) {
      const next = read();
      await vi.advanceTimersByTimeAsync(1000);
      chunks.push(await next);
    }
    expect(chunks).toEqual([': keepalive\n\n', ': keepalive\n\n', 'error: timeout idle\n\n']);
    expect(upstream.cancelled).toHaveLength(1);
  });

  it('turns an upstream failure into the protocol’s error event', async () => {
    const upstream = manualUpstream();
    const { read, outcomes } = relay({ opening: Promise.resolve(upstream.stream) });
    upstream.controller.error(new Error('cut'));
    expect(await read()).toBe('error: cut\n\n');
    expect(await read()).toBeNull();
    expect(outcomes[0]).toMatchObject({ kind: 'failed' });
  });

  it('turns a failed opening into an error event when headers already left', async () => {
    const { read } = relay({ opening: Promise.reject(new Error('no account')) });
    expect(await read()).toBe('error: no account\n\n');
  });

  it('cancels the upstream at once when the client goes away', async () => {
    const upstream = manualUpstream();
    const { reader, read, outcomes } = relay({ opening: Promise.resolve(upstream.stream) });
    upstream.controller.enqueue('a\n\n');
    await read();
    await reader.cancel(new Error('client gone'));
    expect(upstream.cancelled).toHaveLength(1);
    expect(outcomes).toEqual([{ kind: 'client_closed' }]);
  });

  it('aborts a pending opening when the client goes away before the first event', async () => {
    const { reader, aborted } = relay({ opening: new Promise(() => undefined) });
    await reader.cancel(new Error('client gone'));
    expect(aborted).toHaveLength(1);
  });
});
