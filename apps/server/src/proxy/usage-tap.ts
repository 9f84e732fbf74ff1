import type {
  AnthropicStopReason,
  AnthropicStreamEvent,
  AnthropicUsage,
} from '@octoproxy/converters';

/** What one answer cost and how it ended, observed on its way to the client. */
export interface ObservedUsage {
  inputTokens: number;
  outputTokens: number;
  /** `input_tokens` as the upstream reported it at the end, if it did. */
  upstreamInputTokens: number | undefined;
  stopReason: AnthropicStopReason | null;
  /** An `error` event ended the stream. */
  errored: boolean;
}

/**
 * Passes events through unchanged except `message_start`, whose `usage.input_tokens` becomes our
 * estimate when the upstream has none yet (clients size their context meter from it), and whose
 * `model` is the name the client asked for. `usage` is
 * updated as events pass, so it is current however the stream ends (finished, failed, cancelled).
 */
export function usageTap(options: { estimatedInputTokens: number; reportedModel: string }): {
  stream: TransformStream<AnthropicStreamEvent, AnthropicStreamEvent>;
  usage: ObservedUsage;
} {
  const usage: ObservedUsage = {
    inputTokens: options.estimatedInputTokens,
    outputTokens: 0,
    upstreamInputTokens: undefined,
    stopReason: null,
    errored: false,
  };
  const merge = (partial: Partial<AnthropicUsage> | undefined): void => {
    if (partial?.output_tokens !== undefined) usage.outputTokens = partial.output_tokens;
  };
  const stream = new TransformStream<AnthropicStreamEvent, AnthropicStreamEvent>({
    transform(event, controller) {
      switch (event.type) {
        case 'message_start': {
          const reported = event.message.usage.input_tokens;
          const input = reported > 0 ? reported : options.estimatedInputTokens;
          usage.inputTokens = input;
          merge(event.message.usage);
          controller.enqueue({
            ...event,
            message: {
              ...event.message,
              model: options.reportedModel,
              usage: { ...event.message.usage, input_tokens: input },
            },
          });
          return;
        }
        case 'message_delta':
          merge(event.usage);
          if (event.usage.input_tokens !== undefined && event.usage.input_tokens > 0) {
            usage.upstreamInputTokens = event.usage.input_tokens;
            usage.inputTokens = event.usage.input_tokens;
          }
          usage.stopReason = event.delta.stop_reason;
          break;
        case 'error':
          usage.errored = true;
          break;
        case 'content_block_start':
        case 'content_block_delta':
        case 'content_block_stop':
        case 'message_stop':
        case 'ping':
          break;
      }
      controller.enqueue(event);
    },
  });
  return { stream, usage };
}
