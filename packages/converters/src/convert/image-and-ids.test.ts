import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { InvalidRequestError } from '../errors/invalid-request-error';
import type { ConversionWarning } from './conversion-warning';
import {
  normalizeImageMediaType,
  parseDataUrl,
  resolveBase64ImageMediaType,
  sniffImageMediaType,
} from './image-source';
import { createToolIdMapper } from './tool-id-mapper';

const samples = {
  'image/png':
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'image/jpeg': '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==',
  'image/gif': 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'image/webp': btoa('RIFF\u0024\u0000\u0000\u0000WEBPVP8 '),
};

describe('image media types', () => {
  it('sniffs PNG, JPEG, GIF, WebP and SVG', () => {
    for (const [type, data] of Object.entries(samples))
      expect(sniffImageMediaType(data)).toBe(type);
    expect(sniffImageMediaType(btoa('<?xml version="1.0"?><svg></svg>'))).toBe('image/svg+xml');
    expect(sniffImageMediaType('!!!not base64')).toBeUndefined();
  });

  it('normalizes aliases and parses data URLs generically', () => {
    expect(normalizeImageMediaType(' Image/JPG ')).toBe('image/jpeg');
    expect(parseDataUrl('data:image/png;name=a.png;base64,AAAA')).toEqual({
      mediaType: 'image/png',
      base64: true,
      data: 'AAAA',
    });
    expect(parseDataUrl('data:,hello')).toEqual({ mediaType: '', base64: false, data: 'hello' });
    expect(parseDataUrl('https://example.com/x.png')).toBeUndefined();
  });

  it('trusts the bytes over the declaration, and warns', () => {
    const warnings: ConversionWarning[] = [];
    expect(
      resolveBase64ImageMediaType({
        declared: 'image/jpeg',
        data: samples['image/gif'],
        param: 'p',
        warnings,
      }),
    ).toBe('image/gif');
    expect(
      resolveBase64ImageMediaType({
        declared: 'image/jpg',
        data: samples['image/jpeg'],
        param: 'p',
        warnings,
      }),
    ).toBe('image/jpeg');
    expect(
      resolveBase64ImageMediaType({ declared: 'image/webp', data: 'AAAA', param: 'p', warnings }),
    ).toBe('image/webp');
    expect(warnings).toHaveLength(1);
    expect(() =>
      resolveBase64ImageMediaType({ declared: 'image/svg+xml', data: '', param: 'p', warnings }),
    ).toThrow(InvalidRequestError);
    expect(() =>
      resolveBase64ImageMediaType({ declared: 'image/tiff', data: 'AAAA', param: 'p', warnings }),
    ).toThrow(/unsupported image type/);
  });
});

describe('createToolIdMapper', () => {
  it('maps ids injectively into the Anthropic character set and keeps valid ids', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 12 }),
        (ids) => {
          const map = createToolIdMapper(ids);
          const mapped = ids.map(map);
          expect(new Set(mapped).size).toBe(ids.length);
          for (const [index, id] of ids.entries()) {
            expect(mapped[index]).toMatch(/^[a-zA-Z0-9_-]+$/);
            if (/^[a-zA-Z0-9_-]+$/.test(id)) expect(mapped[index]).toBe(id);
            expect(map(id)).toBe(mapped[index]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
