import { createParser, type EventSourceMessage } from 'eventsource-parser';

import type { ContentSink, ReadOutcome } from './content-sink';

interface AnthropicEvent {
  type?: string;
  delta?: { type?: string; text?: string };
  error?: { message?: string };
}

interface OpenAIChunk {
  choices?: { delta?: { content?: string | null } }[];
  error?: { message?: string };
}

/** Applies one SSE event of the given protocol to the outcome; content goes to the sink. */
function onEvent(
  protocol: 'anthropic' | 'openai',
  event: EventSourceMessage,
  sink: ContentSink,
  outcome: { terminal: boolean; error: string | undefined },
): void {
  if (protocol === 'anthropic') {
    if (event.event === 'ping') return;
    const data = JSON.parse(event.data) as AnthropicEvent;
    if (data.type === 'content_block_delta' && data.delta?.type === 'text_delta') {
      sink.content(data.delta.text ?? '');
    } else if (data.type === 'message_stop') {
      outcome.terminal = true;
    } else if (data.type === 'error') {
      outcome.error = data.error?.message ?? 'error event';
    }
    return;
  }
  if (event.data === '[DONE]') {
    outcome.terminal = true;
    return;
  }
  const chunk = JSON.parse(event.data) as OpenAIChunk;
  if (chunk.error !== undefined) outcome.error = chunk.error.message ?? 'error chunk';
  const text = chunk.choices?.[0]?.delta?.content;
  if (typeof text === 'string' && text !== '') sink.content(text);
}

/**
 * Reads a server-sent-event answer of the gateway: Anthropic `content_block_delta` text deltas up
 * to `message_stop`, or OpenAI chunks' `delta.content` up to `[DONE]`.
 */
export async function readSse(
  protocol: 'anthropic' | 'openai',
  body: AsyncIterable<Uint8Array>,
  sink: ContentSink,
): Promise<ReadOutcome> {
  const outcome: { terminal: boolean; error: string | undefined } = {
    terminal: false,
    error: undefined,
  };
  const parser = createParser({ onEvent: (event) => onEvent(protocol, event, sink, outcome) });
  const decoder = new TextDecoder();
  for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
  parser.feed(decoder.decode());
  return { terminal: outcome.terminal && outcome.error === undefined, error: outcome.error };
}
