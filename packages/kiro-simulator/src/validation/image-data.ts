import { isObject } from './rules/rule-helpers';

/** Kiro's image limits (kiro-protocol.md §2.9, AWS `consts.rs`). */
export const maxImages = 10;
export const maxImageBytes = 10 * 1024 * 1024;

/** What a base64 string decodes to, in bytes. */
export function decodedBase64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** The images of a chat body and the bytes their `source.bytes` strings take in the JSON text. */
export interface ImageData {
  images: number;
  bytes: number;
}

function userMessagesIn(parsed: Record<string, unknown>): unknown[] {
  const state = parsed['conversationState'];
  if (!isObject(state)) return [];
  const history = Array.isArray(state['history']) ? (state['history'] as unknown[]) : [];
  return [...history, state['currentMessage']].flatMap((message) =>
    isObject(message) && isObject(message['userInputMessage']) ? [message['userInputMessage']] : [],
  );
}

/**
 * The images of `userInputMessage.images` (history and current message) in a parsed body, before
 * any shape check. The body-size limit counts the body without these strings: Kiro's whole-body
 * limit (~600 KB) was observed on text, and images have their own limits (10 per request, 10 MiB
 * each), which could not both hold if image data counted.
 */
export function imageDataOf(parsed: Record<string, unknown>): ImageData {
  let images = 0;
  let bytes = 0;
  for (const message of userMessagesIn(parsed)) {
    const list = (message as Record<string, unknown>)['images'];
    if (!Array.isArray(list)) continue;
    for (const image of list as unknown[]) {
      images += 1;
      const source = isObject(image) ? image['source'] : undefined;
      const data = isObject(source) ? source['bytes'] : undefined;
      // As JSON.stringify writes it, without the quotes (base64 needs no escaping).
      if (typeof data === 'string') bytes += Buffer.byteLength(JSON.stringify(data)) - 2;
    }
  }
  return { images, bytes };
}
