import { describe, expect, it } from 'vitest';

import { adaptationHeaderValue } from '../src/proxy/adaptation-header';

describe('adaptationHeaderValue', () => {
  it('is absent when nothing was changed', () => {
    expect(adaptationHeaderValue([])).toBeUndefined();
  });

  it('lists kind=detail pairs and encodes what a header cannot carry', () => {
    const value = adaptationHeaderValue([
      { kind: 'tool_dropped', detail: 'tools.0: web_search; dropped (100%)' },
      { kind: 'content_replaced', detail: 'document «Notes»\r\nas text' },
    ])!;
    expect(value).toBe(
      'tool_dropped=tools.0: web_search%3B dropped (100%25); content_replaced=document %C2%ABNotes%C2%BB%0D%0Aas text',
    );
    // What fetch accepts as a header value (a ByteString without CR or LF) is what proxies pass on.
    expect(() => new Headers({ 'x-octoproxy-adapted': value })).not.toThrow();
    const entries = value.split('; ').map((entry) => entry.split('=')[0]);
    expect(entries).toEqual(['tool_dropped', 'content_replaced']);
  });

  it('stays within its bound and says how many entries it left out', () => {
    const many = Array.from({ length: 100 }, (_, index) => ({
      kind: 'field_dropped' as const,
      detail: `field_${String(index)}: ${'x'.repeat(40)}`,
    }));
    const value = adaptationHeaderValue(many)!;
    expect(value.length).toBeLessThanOrEqual(2048);
    const shown = value.split('; ').filter((entry) => entry.startsWith('field_dropped='));
    expect(value.endsWith(`; more=${String(100 - shown.length)}`)).toBe(true);
    expect(shown.length).toBeGreaterThan(10);
    expect(adaptationHeaderValue([{ kind: 'field_dropped', detail: 'y'.repeat(5000) }])).toBe(
      'more=1',
    );
  });
});
