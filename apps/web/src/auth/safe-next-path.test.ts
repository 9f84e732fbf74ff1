import { describe, expect, it } from 'vitest';

import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps in-app paths and refuses everything else', () => {
    expect(safeNextPath('/logs?outcome=error')).toBe('/logs?outcome=error');
    expect(safeNextPath(null)).toBe('/dashboard');
    expect(safeNextPath('https://evil.example')).toBe('/dashboard');
    expect(safeNextPath('//evil.example')).toBe('/dashboard');
    expect(safeNextPath('/\\evil.example')).toBe('/dashboard');
    expect(safeNextPath('/login?next=/x')).toBe('/dashboard');
  });
});
