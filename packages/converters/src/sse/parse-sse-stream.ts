import { createParser } from 'eventsource-parser';

/** One parsed server-sent event. `event` is absent when the frame had no `event:` line. */
export interface SseMessage {
  event?: string;
  data: string;
  id?: string;
}

/**
 * A `TransformStream` that parses SSE from bytes or text, robust to any chunking, including
 * multi-byte UTF-8 characters split between chunks. Comments and keepalives are skipped; an
 * unterminated last event is dropped, as the SSE specification says.
 */
export function createSseParserStream(): TransformStream<Uint8Array | string, SseMessage> {
  const decoder = new TextDecoder();
  let emit: (message: SseMessage) => void = () => undefined;
  const parser = createParser({
    onEvent(event) {
      emit({
        ...(event.event === undefined ? {} : { event: event.event }),
        data: event.data,
        ...(event.id === undefined ? {} : { id: event.id }),
      });
    },
  });
  return new TransformStream({
    start(controller) {
      emit = (message) => controller.enqueue(message);
    },
    transform(chunk) {
      parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    },
    flush() {
      const rest = decoder.decode();
      if (rest !== '') parser.feed(rest);
    },
  });
}
