import type { ReadableStreamReadResult } from 'node:stream/web';

/** How a relayed stream ended, for logs, metrics and the request log. */
export type RelayOutcome =
  { kind: 'completed' } | { kind: 'failed'; error: unknown } | { kind: 'client_closed' };

export interface SseRelayOptions {
  /** Resolves to the encoded SSE text of the response once the first upstream event is there. */
  opening: Promise<ReadableStream<string>>;
  /** Cancels the upstream attempt that `opening` is still waiting for (client gone, timeout). */
  abortOpening: (reason: unknown) => void;
  /** The protocol's keepalive text: `event: ping…` or `: keepalive`. */
  keepalive: string;
  keepaliveIntervalMs: number;
  /** Silence allowed before the first event. */
  firstTokenTimeoutMs: number;
  /** Silence allowed between events once the stream runs. */
  idleTimeoutMs: number;
  /** Renders an error as the protocol's in-band error event. */
  encodeError: (error: unknown) => string;
  /** Builds the error sent when a timeout fires. */
  timeoutError: (phase: 'first_token' | 'idle') => Error;
  onClose: (outcome: RelayOutcome) => void;
}

type Step = { kind: 'read'; result: ReadableStreamReadResult<string> } | { kind: 'tick' };

/**
 * Relays an SSE text stream to the client: keepalives while the upstream is silent (also while the
 * first event is awaited, so headers can leave early), first-token and idle timeouts, upstream errors
 * turned into the protocol's error event, and client disconnects propagated upstream at once.
 */
export function sseRelay(options: SseRelayOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let reader: ReadableStreamDefaultReader<string> | undefined;
  let pending: Promise<Step> | undefined;
  let lastActivity = Date.now();
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const opening = options.opening.then((stream) => {
    reader = stream.getReader();
    return reader;
  });
  // The outcome is observed through pull() or cancel(); never leave the rejection unhandled.
  opening.catch(() => undefined);

  const finish = (outcome: RelayOutcome): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    options.onClose(outcome);
  };

  const nextStep = (): Promise<Step> => {
    pending ??= (reader ? reader.read() : opening.then((r) => r.read())).then((result) => ({
      kind: 'read' as const,
      result,
    }));
    const limit = reader ? options.idleTimeoutMs : options.firstTokenTimeoutMs;
    const wait = Math.max(
      0,
      Math.min(options.keepaliveIntervalMs, lastActivity + limit - Date.now()),
    );
    const tick = new Promise<Step>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'tick' }), wait);
    });
    return Promise.race([pending, tick]).finally(() => clearTimeout(timer));
  };

  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown): void => {
    controller.enqueue(encoder.encode(options.encodeError(error)));
    controller.close();
    finish({ kind: 'failed', error });
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let step: Step;
        try {
          step = await nextStep();
        } catch (error) {
          pending = undefined;
          fail(controller, error);
          return;
        }
        if (step.kind === 'tick') {
          const limit = reader ? options.idleTimeoutMs : options.firstTokenTimeoutMs;
          if (Date.now() - lastActivity >= limit) {
            const error = options.timeoutError(reader ? 'idle' : 'first_token');
            if (reader) void reader.cancel(error).catch(() => undefined);
            else options.abortOpening(error);
            fail(controller, error);
            return;
          }
          controller.enqueue(encoder.encode(options.keepalive));
          return;
        }
        pending = undefined;
        lastActivity = Date.now();
        if (step.result.done) {
          controller.close();
          finish({ kind: 'completed' });
          return;
        }
        controller.enqueue(encoder.encode(step.result.value));
      },
      cancel(reason) {
        finish({ kind: 'client_closed' });
        if (reader) return reader.cancel(reason).catch(() => undefined);
        options.abortOpening(reason);
        void opening.then((r) => r.cancel(reason)).catch(() => undefined);
        return undefined;
      },
    },
    // Pull only when the client reads, so a keepalive is produced when due, never queued early.
    { highWaterMark: 0 },
  );
}
