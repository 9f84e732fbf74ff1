import { describe, expect, it } from 'vitest';

import { PermissionError } from '../errors/permission-error';
import { assertModelAllowed, isModelAllowed } from './model-access';

describe('model access', () => {
  it('admits every model when there is no allow-list', () => {
    expect(isModelAllowed(null, 'claude-sonnet-4-5')).toBe(true);
  });

  it('matches exact ids and prefix patterns only', () => {
    const allowed = ['claude-haiku-4-5', 'claude-sonnet-*'];
    expect(isModelAllowed(allowed, 'claude-haiku-4-5')).toBe(true);
    expect(isModelAllowed(allowed, 'claude-sonnet-4-5-20250929')).toBe(true);
    expect(isModelAllowed(allowed, 'claude-haiku-4-5-20251001')).toBe(false);
    expect(isModelAllowed(allowed, 'claude-opus-4-1')).toBe(false);
    expect(isModelAllowed([], 'claude-haiku-4-5')).toBe(false);
  });

  it('refuses with a 403 permission error naming the model', () => {
    let thrown: unknown;
    try {
      assertModelAllowed(['claude-haiku-4-5'], 'claude-opus-4-1');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PermissionError);
    expect(thrown).toMatchObject({
      kind: 'permission',
      code: 'model_not_allowed',
      param: 'model',
      message: "This API key is not allowed to use the model 'claude-opus-4-1'.",
    });
    expect(() => assertModelAllowed(['claude-haiku-4-5'], 'claude-haiku-4-5')).not.toThrow();
  });
});
