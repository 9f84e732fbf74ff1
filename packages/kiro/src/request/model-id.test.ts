import { describe, expect, it } from 'vitest';

import { defaultContextWindowTokens, resolveKiroModelId } from './model-id';

describe('resolveKiroModelId', () => {
  it.each([
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4.5'],
    ['claude-sonnet-4-5', 'claude-sonnet-4.5'],
    ['claude-haiku-4-5-20251001', 'claude-haiku-4.5'],
    ['claude-opus-4-5-20251101', 'claude-opus-4.5'],
    ['claude-opus-4-6', 'claude-opus-4.6'],
    ['claude-sonnet-4.6', 'claude-sonnet-4.6'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['CLAUDE-OPUS-4-7', 'claude-opus-4.7'],
    ['claude-3-7-sonnet-20250219', 'claude-sonnet-4.5'],
    ['claude-opus-5-5', 'claude-opus-4.6'],
    ['kiro-claude-haiku-4-5-agentic', 'claude-haiku-4.5'],
    ['minimax-m2-5', 'minimax-m2.5'],
    ['auto', 'auto'],
    ['gpt-4o', 'claude-sonnet-4.5'],
  ])('%s → %s', (name, expected) => {
    expect(resolveKiroModelId(name)).toBe(expected);
  });

  it('honours aliases, family fallbacks and the default', () => {
    expect(resolveKiroModelId('fast', { modelAliases: { FAST: 'claude-haiku-4.5' } })).toBe(
      'claude-haiku-4.5',
    );
    expect(resolveKiroModelId('claude-opus-9', { familyModels: { opus: 'claude-opus-4.7' } })).toBe(
      'claude-opus-4.7',
    );
    expect(resolveKiroModelId('gpt-4o', { defaultModelId: 'auto' })).toBe('auto');
  });

  it('knows the 1M windows of the 4.6 generation', () => {
    expect(defaultContextWindowTokens('claude-sonnet-4.6')).toBe(1_000_000);
    expect(defaultContextWindowTokens('claude-sonnet-4.5')).toBe(200_000);
  });
});
