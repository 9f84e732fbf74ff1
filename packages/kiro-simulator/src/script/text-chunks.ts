/**
 * Deterministic chunk sizes in code points. Single-code-point chunks isolate multi-byte characters in a
 * frame of their own, and the mix of sizes splits tags like `</thinking>` at varying places.
 */
const textChunkSizes = [3, 17, 1, 24, 9, 2, 31, 12, 6, 20];
const jsonFragmentSizes = [2, 9, 5, 14, 7];

function split(text: string, sizes: readonly number[]): string[] {
  const codePoints = Array.from(text);
  const chunks: string[] = [];
  let position = 0;
  for (let k = 0; position < codePoints.length; k += 1) {
    const size = sizes[k % sizes.length] ?? 1;
    chunks.push(codePoints.slice(position, position + size).join(''));
    position += size;
  }
  return chunks;
}

/** Text as the upstream streams it: many small `assistantResponseEvent` pieces, never a broken character. */
export function splitText(text: string): string[] {
  return split(text, textChunkSizes);
}

/** A tool call's serialized input as several `input` fragments (one when it is tiny). */
export function splitToolInput(json: string): string[] {
  return json.length <= 2 ? [json] : split(json, jsonFragmentSizes);
}
