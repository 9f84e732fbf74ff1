import type { AnthropicPingEvent } from '../anthropic/stream-event';
import { encodeAnthropicSseEvent } from './encode-anthropic-sse';

/** An SSE comment frame (`: <text>\n\n`): every SSE parser ignores it; used as an OpenAI keepalive. */
export function sseComment(text = 'keepalive'): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** The Anthropic keepalive frame, `event: ping`. */
export function anthropicPingFrame(): string {
  const ping: AnthropicPingEvent = { type: 'ping' };
  return encodeAnthropicSseEvent(ping);
}

export interface KeepaliveOptions {
  /** Send `frame` after this many milliseconds without output (15–30 s keeps Claude Code's 90 s watchdog happy). */
  intervalMs: number;
  /** The frame to send, e.g. {@link sseComment}() or {@link anthropicPingFrame}(). */
  frame: string;
  /** Timer functions, for tests with fake clocks; default: the global ones. */
  timers?: {
    setTimeout: (callback: () => void, ms: number) => unknown;
    clearTimeout: (handle: unknown) => void;
  };
}

/**
 * Wraps an SSE byte stream so `frame` is sent whenever the source has been silent for `intervalMs`.
 * The source must emit whole frames per chunk (as this package's encoders do), so a keepalive never
 * lands inside a frame. Cancelling the result cancels the source.
 */
export function withKeepalive(
  source: ReadableStream<Uint8Array>,
  options: KeepaliveOptions,
): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(options.frame);
  const timers = options.timers ?? {
    setTimeout: (callback: () => void, ms: number): unknown => setTimeout(callback, ms),
    clearTimeout: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const reader = source.getReader();
  let timer: unknown;
  let closed = false;
  const stop = (): void => {
    closed = true;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const arm = (): void => {
        if (timer !== undefined) timers.clearTimeout(timer);
        timer = timers.setTimeout(() => {
          if (closed) return;
          controller.enqueue(bytes);
          arm();
        }, options.intervalMs);
      };
      arm();
      const pump = async (): Promise<void> => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) {
            stop();
            controller.close();
            return;
          }
          controller.enqueue(value);
          arm();
        }
      };
      pump().catch((error: unknown) => {
        if (closed) return;
        stop();
        controller.error(error);
      });
    },
    cancel(reason) {
      stop();
      return reader.cancel(reason);
    },
  });
}
