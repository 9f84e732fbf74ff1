import type { AnthropicStreamEvent } from '../anthropic/stream-event';

export interface OutputLimitOptions {
  /** The most output tokens to relay; undefined relays everything. */
  maxTokens: number | undefined;
  /** Tokens in a piece of text (the gateway's tokenizer). */
  countTokens: (text: string) => number;
}

type Delta = Extract<AnthropicStreamEvent, { type: 'content_block_delta' }>['delta'];

/** The generated text a delta carries and a copy of the delta holding only `text`. */
function generatedText(delta: Delta): { text: string; withText: (text: string) => Delta } | null {
  switch (delta.type) {
    case 'text_delta':
      return { text: delta.text, withText: (text) => ({ ...delta, text }) };
    case 'thinking_delta':
      return { text: delta.thinking, withText: (thinking) => ({ ...delta, thinking }) };
    case 'input_json_delta':
      return { text: delta.partial_json, withText: (partial_json) => ({ ...delta, partial_json }) };
    default:
      return null;
  }
}

/** The longest prefix of `text`, in whole code points, that holds at most `budget` tokens. */
function prefixWithin(text: string, budget: number, countTokens: (text: string) => number): string {
  const points = Array.from(text);
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (countTokens(points.slice(0, middle).join('')) <= budget) low = middle;
    else high = middle - 1;
  }
  return points.slice(0, low).join('');
}

/**
 * Enforces `max_tokens` for upstreams that take no such field (Kiro). It counts the generated text
 * of every delta (text, thinking, tool input) as it passes; the delta that would cross the limit is
 * cut to the prefix that fits, open blocks are closed, and the message ends with
 * `stop_reason: "max_tokens"` and `output_tokens` equal to the limit. Then it terminates, which
 * cancels the upstream. Deltas are counted one by one, so the count may run a token or so above a
 * count of the whole text: the cut never comes late.
 */
export function createOutputLimitStream(
  options: OutputLimitOptions,
): TransformStream<AnthropicStreamEvent, AnthropicStreamEvent> {
  const { maxTokens, countTokens } = options;
  if (maxTokens === undefined) return new TransformStream();
  let used = 0;
  const open = new Set<number>();

  return new TransformStream({
    transform(event, controller) {
      if (event.type === 'content_block_start') open.add(event.index);
      if (event.type === 'content_block_stop') open.delete(event.index);
      const generated = event.type === 'content_block_delta' ? generatedText(event.delta) : null;
      if (event.type !== 'content_block_delta' || generated === null) {
        controller.enqueue(event);
        return;
      }
      const tokens = countTokens(generated.text);
      if (used + tokens <= maxTokens) {
        used += tokens;
        controller.enqueue(event);
        return;
      }
      const fits = prefixWithin(generated.text, maxTokens - used, countTokens);
      if (fits !== '') {
        controller.enqueue({ ...event, delta: generated.withText(fits) });
      }
      for (const index of open) controller.enqueue({ type: 'content_block_stop', index });
      controller.enqueue({
        type: 'message_delta',
        delta: { stop_reason: 'max_tokens', stop_sequence: null },
        usage: { output_tokens: maxTokens },
      });
      controller.enqueue({ type: 'message_stop' });
      controller.terminate();
    },
  });
}
