import type { IncomingMessage } from 'node:http';

/** Reads the whole request body, up to `limitBytes`; beyond it the result is flagged, not kept. */
export async function readBody(
  req: IncomingMessage,
  limitBytes: number,
): Promise<{ bytes: Buffer; tooLarge: boolean; totalBytes: number }> {
  const chunks: Buffer[] = [];
  let totalBytes = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    totalBytes += chunk.length;
    if (totalBytes <= limitBytes) chunks.push(chunk);
  }
  const tooLarge = totalBytes > limitBytes;
  return { bytes: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge, totalBytes };
}
