import { InvalidRequestError } from '../errors/invalid-request-error';
import type { ConversionWarning } from './conversion-warning';

/** The image media types Anthropic accepts. */
export type AnthropicImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

const supported: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
]);

const aliases: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/x-png': 'image/png',
};

/** A parsed `data:` URL: its media type (lower-cased) and base64 payload. */
export interface DataUrl {
  mediaType: string;
  base64: boolean;
  data: string;
}

/** Parses a `data:[<media type>][;param]*[;base64],<data>` URL; `undefined` if it is not one. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = /^data:([^,]*?),(.*)$/s.exec(url.trim());
  if (match === null) return undefined;
  const [mediaTypeAndParams = '', data = ''] = match.slice(1);
  const parts = mediaTypeAndParams.split(';').map((part) => part.trim());
  const base64 = parts.slice(1).some((part) => part.toLowerCase() === 'base64');
  return { mediaType: (parts[0] ?? '').toLowerCase(), base64, data };
}

function leadingBytes(base64: string, count: number): Uint8Array | undefined {
  const head = base64.replace(/\s+/g, '').slice(0, Math.ceil(count / 3) * 4);
  try {
    const binary = atob(head);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

/** Reads the media type from the first bytes of base64 image data; `image/svg+xml` for SVG text. */
export function sniffImageMediaType(base64: string): string | undefined {
  const bytes = leadingBytes(base64, 64);
  if (bytes === undefined) return undefined;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  const text = String.fromCharCode(...bytes)
    .trimStart()
    .toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) {
    return 'image/svg+xml';
  }
  return undefined;
}

/** Lower-cases a declared media type and maps aliases such as `image/jpg` to `image/jpeg`. */
export function normalizeImageMediaType(mediaType: string): string {
  const lower = mediaType.trim().toLowerCase();
  return aliases[lower] ?? lower;
}

function svgError(param: string): InvalidRequestError {
  return new InvalidRequestError({
    message: `${param}: SVG images are not supported; send PNG, JPEG, GIF or WebP.`,
    param,
    code: 'unsupported_image_type',
  });
}

/**
 * Decides the media type of a base64 image the way Anthropic needs it: aliases normalized, the real
 * type taken from the magic bytes when the declared one is wrong (Anthropic rejects a mismatch), SVG and
 * other types rejected with a clear error.
 */
export function resolveBase64ImageMediaType(options: {
  declared: string;
  data: string;
  param: string;
  warnings: ConversionWarning[];
}): AnthropicImageMediaType {
  const declared = normalizeImageMediaType(options.declared);
  const sniffed = sniffImageMediaType(options.data);
  if (declared === 'image/svg+xml' || sniffed === 'image/svg+xml') throw svgError(options.param);
  if (sniffed !== undefined && supported.has(sniffed)) {
    if (sniffed !== declared) {
      options.warnings.push({
        type: 'adjusted',
        param: options.param,
        message: `Image declared as ${options.declared || 'unknown'} is ${sniffed}; sent as ${sniffed}.`,
      });
    }
    return sniffed as AnthropicImageMediaType;
  }
  if (supported.has(declared)) return declared as AnthropicImageMediaType;
  throw new InvalidRequestError({
    message: `${options.param}: unsupported image type ${options.declared || '(none)'}; send PNG, JPEG, GIF or WebP.`,
    param: options.param,
    code: 'unsupported_image_type',
  });
}
