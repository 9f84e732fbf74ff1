import { describe, expect, it } from 'vitest';

import { bestOfFamily, claudeFamily, modelInfo } from './model-catalog';
import { ModelNotFoundError, resolveModel } from './resolve-model';

/** Stand-in for the upstream naming used in these tests: strip dates, hyphenated versions → dotted. */
const toUpstreamId = (name: string) => name.replace(/-\d{8}$/, '').replace(/-(\d)-(\d)$/, '-$1.$2');

const available = new Set([
  'claude-sonnet-4.5',
  'claude-opus-4.5',
  'claude-opus-4.6',
  'claude-haiku-4.5',
]);

describe('resolveModel', () => {
  const base = { aliases: {}, defaultModel: 'claude-sonnet-4.5', toUpstreamId, available };

  it('maps dated and hyphenated names and keeps available ones', () => {
    expect(resolveModel('claude-sonnet-4-5-20250929', base)).toEqual({
      model: 'claude-sonnet-4.5',
      thinking: false,
    });
  });

  it('turns on thinking for a -thinking suffix', () => {
    expect(resolveModel('claude-opus-4-5-thinking', base)).toEqual({
      model: 'claude-opus-4.5',
      thinking: true,
    });
  });

  it('applies exact aliases before prefix aliases, longest prefix first', () => {
    const aliases = {
      'gpt-4o': 'claude-haiku-4.5',
      'gpt-*': 'claude-sonnet-4.5',
      'gpt-5*': 'claude-opus-4.6',
    };
    expect(resolveModel('gpt-4o', { ...base, aliases }).model).toBe('claude-haiku-4.5');
    expect(resolveModel('gpt-4.1', { ...base, aliases }).model).toBe('claude-sonnet-4.5');
    expect(resolveModel('gpt-5-codex', { ...base, aliases }).model).toBe('claude-opus-4.6');
  });

  it('serves the newest model of the family when the asked one is missing', () => {
    expect(resolveModel('claude-opus-4-7', base).model).toBe('claude-opus-4.6');
  });

  it('falls back to the default, or 404 when there is none', () => {
    expect(resolveModel('llama-3', base).model).toBe('claude-sonnet-4.5');
    expect(() => resolveModel('llama-3', { ...base, defaultModel: null })).toThrow(
      ModelNotFoundError,
    );
  });

  it('passes names through while entitlements are unknown', () => {
    expect(resolveModel('claude-opus-4-9', { ...base, available: undefined }).model).toBe(
      'claude-opus-4.9',
    );
  });
});

describe('model catalog', () => {
  it('parses families in both naming orders', () => {
    expect(claudeFamily('claude-opus-4.6')).toEqual({ family: 'opus', version: [4, 6] });
    expect(claudeFamily('claude-3-7-sonnet')).toEqual({ family: 'sonnet', version: [3, 7] });
    expect(claudeFamily('gpt-4')).toBeUndefined();
    expect(bestOfFamily('claude-haiku-9', available)).toBe('claude-haiku-4.5');
  });

  it('describes a model with defaults for missing limits', () => {
    expect(modelInfo('claude-sonnet-4.5')).toEqual({
      id: 'claude-sonnet-4.5',
      displayName: 'Claude Sonnet 4.5',
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
    });
  });
});
