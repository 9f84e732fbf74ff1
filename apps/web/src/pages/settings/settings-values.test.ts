import { describe, expect, it } from 'vitest';

import { defaultFakeConfig } from '../../test/fake-admin-api';
import { changedSettings, toFormValues } from './settings-values';

describe('settings values', () => {
  it('round-trips the config with no changes', () => {
    expect(changedSettings(defaultFakeConfig, toFormValues(defaultFakeConfig))).toEqual({});
  });

  it('turns alias rows into a map and an empty default model into null', () => {
    const values = toFormValues(defaultFakeConfig);
    values.modelAliases = [
      { from: ' claude-opus-* ', to: 'claude-opus-4.5' },
      { from: '', to: '' },
    ];
    values.defaultModel = '  ';
    values.trustedOrigins = ['https://octo.example.com'];
    expect(changedSettings(defaultFakeConfig, values)).toEqual({
      modelAliases: { 'claude-opus-*': 'claude-opus-4.5' },
      defaultModel: null,
      trustedOrigins: ['https://octo.example.com'],
    });
  });
});
