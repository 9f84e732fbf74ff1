import { isOpenAIErrorBody, type OpenAIStreamItem } from '../openai/chat-completion';

/** The line that ends a normal OpenAI stream. */
export const openAISseDone = 'data: [DONE]\n\n';

/** One OpenAI SSE frame: `data: <json>\n\n`, with no `event:` line. */
export function encodeOpenAISseData(item: OpenAIStreamItem): string {
  return `data: ${JSON.stringify(item)}\n\n`;
}

/**
 * A `TransformStream` from OpenAI chunks to SSE bytes, one whole frame per chunk. A normal stream ends
 * with `data: [DONE]`; after an error object nothing more is written, not even `[DONE]`.
 */
export function createOpenAISseEncoderStream(): TransformStream<OpenAIStreamItem, Uint8Array> {
  const encoder = new TextEncoder();
  let failed = false;
  return new TransformStream({
    transform(item, controller) {
      if (failed) return;
      failed = isOpenAIErrorBody(item);
      controller.enqueue(encoder.encode(encodeOpenAISseData(item)));
    },
    flush(controller) {
      if (!failed) controller.enqueue(encoder.encode(openAISseDone));
    },
  });
}
