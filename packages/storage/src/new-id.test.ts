import { describe, expect, it } from 'vitest';

import { newId } from './new-id';

describe('newId', () => {
  // The newest time in this file: ids never go back in time, so a later test with an earlier
  // clock must not change what this one sees, whatever the order.
  it('makes RFC 9562 version 7 UUIDs', () => {
    const id = newId(Date.UTC(2099, 0, 2, 3, 4, 5, 6));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(
      Date.UTC(2099, 0, 2, 3, 4, 5, 6),
    );
  });

  it('sorts in creation order, also within one millisecond and when the clock steps back', () => {
    const at = Date.UTC(2030, 5, 1);
    const ids = [
      ...Array.from({ length: 5000 }, () => newId(at)),
      ...Array.from({ length: 10 }, () => newId(at - 1000)),
      newId(at + 10),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
