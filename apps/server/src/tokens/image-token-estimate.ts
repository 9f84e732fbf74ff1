/**
 * Anthropic's documented estimate for an image: `width × height / 750` tokens, and images are scaled
 * down to about 1.2 megapixels first, which caps the estimate at 1 600 tokens. When the size cannot
 * be read from the header bytes, the cap is used (an over-count is safer than an under-count).
 */
export const maxImageTokens = 1600;

function readDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: IHDR width and height, big-endian, right after the signature and chunk header.
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes.length >= 24) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  // GIF: logical screen size, little-endian.
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes.length >= 10) {
    return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  // JPEG: the first start-of-frame marker carries height then width.
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      if (
        marker >= 0xc0 &&
        marker <= 0xcf &&
        marker !== 0xc4 &&
        marker !== 0xc8 &&
        marker !== 0xcc
      ) {
        return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}

/** Estimates the tokens of a base64 image from its header; only the first bytes are decoded. */
export function estimateImageTokens(base64: string): number {
  const head = Buffer.from(base64.slice(0, 64 * 1024), 'base64');
  const size = readDimensions(head);
  if (size === undefined || size.width === 0 || size.height === 0) return maxImageTokens;
  return Math.min(maxImageTokens, Math.max(1, Math.ceil((size.width * size.height) / 750)));
}
