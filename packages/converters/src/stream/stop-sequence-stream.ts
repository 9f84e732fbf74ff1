import type { AnthropicStreamEvent } from '../anthropic/stream-event';

export interface StopSequenceOptions {
  /** The request's `stop_sequences`; empty or whitespace-only entries are ignored. */
  stopSequences: readonly string[] | undefined;
}

interface Match {
  /** Where the safe text ends (the match starts). */
  cut: number;
  sequence: string;
}

/** The match that ends first, as a model that supports stop sequences would stop there. */
function earliestMatch(text: string, sequences: readonly string[]): Match | undefined {
  let best: (Match & { end: number }) | undefined;
  for (const sequence of sequences) {
    const at = text.indexOf(sequence);
    if (at === -1) continue;
    const end = at + sequence.length;
    if (best === undefined || end < best.end) best = { cut: at, sequence, end };
  }
  return best === undefined ? undefined : { cut: best.cut, sequence: best.sequence };
}

/** Length of the longest suffix of `text` that could still grow into a stop sequence. */
function heldBackLength(text: string, sequences: readonly string[]): number {
  let longest = 0;
  for (const sequence of sequences) {
    for (let length = Math.min(sequence.length - 1, text.length); length > longest; length -= 1) {
      if (text.endsWith(sequence.slice(0, length))) {
        longest = length;
        break;
      }
    }
  }
  return longest;
}

/**
 * Emulates `stop_sequences` for upstreams that lack them (Kiro). It passes events through, but holds
 * back the end of the text that could start a stop sequence until it is resolved. On a match it
 * emits the text before it, closes the block, and ends the message with `stop_reason: "stop_sequence"`
 * and the matched `stop_sequence`; then it terminates, which cancels the upstream. `output_tokens`
 * in that final `message_delta` is the last value the upstream reported, or an estimate from the
 * characters sent (about four per token) if larger. Only text blocks are matched.
 */
export function createStopSequenceStream(
  options: StopSequenceOptions,
): TransformStream<AnthropicStreamEvent, AnthropicStreamEvent> {
  const sequences = (options.stopSequences ?? []).filter((sequence) => sequence.trim() !== '');
  if (sequences.length === 0) return new TransformStream();
  let held = '';
  let textIndex: number | undefined;
  let outputTokens = 0;
  let charactersSent = 0;
  let stopped = false;

  const textDelta = (index: number, text: string): AnthropicStreamEvent => {
    charactersSent += text.length;
    return { type: 'content_block_delta', index, delta: { type: 'text_delta', text } };
  };

  return new TransformStream({
    transform(event, controller) {
      if (stopped) return;
      if (event.type === 'message_start') outputTokens = event.message.usage.output_tokens;
      if (event.type === 'message_delta') outputTokens = event.usage.output_tokens;
      if (event.type === 'content_block_start' && event.content_block.type === 'text')
        textIndex = event.index;
      const isText =
        event.type === 'content_block_delta' &&
        event.delta.type === 'text_delta' &&
        event.index === textIndex;
      if (!isText) {
        if (event.type === 'content_block_stop' && event.index === textIndex) {
          if (held !== '') controller.enqueue(textDelta(event.index, held));
          held = '';
          textIndex = undefined;
        } else if (event.type === 'content_block_delta') {
          charactersSent += JSON.stringify(event.delta).length;
        }
        controller.enqueue(event);
        return;
      }
      const index = event.index;
      const text = held + (event.delta as { text: string }).text;
      const match = earliestMatch(text, sequences);
      if (match === undefined) {
        const keep = heldBackLength(text, sequences);
        held = text.slice(text.length - keep);
        const safe = text.slice(0, text.length - keep);
        if (safe !== '') controller.enqueue(textDelta(index, safe));
        return;
      }
      stopped = true;
      const before = text.slice(0, match.cut);
      if (before !== '') controller.enqueue(textDelta(index, before));
      controller.enqueue({ type: 'content_block_stop', index });
      controller.enqueue({
        type: 'message_delta',
        delta: { stop_reason: 'stop_sequence', stop_sequence: match.sequence },
        usage: { output_tokens: Math.max(outputTokens, Math.ceil(charactersSent / 4)) },
      });
      controller.enqueue({ type: 'message_stop' });
      controller.terminate();
    },
  });
}
