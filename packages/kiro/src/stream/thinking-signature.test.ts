import { describe, expect, it } from 'vitest';

import {
  isMintedThinkingSignature,
  mintThinkingSignature,
  thinkingOfSignature,
} from './thinking-signature';

describe('minted thinking signatures', () => {
  it('carry the thinking, multi-byte text included', () => {
    const thinking = 'Plan: read café.txt, then 日本語 🚀\n\n"quoted"';
    const signature = mintThinkingSignature(thinking);
    expect(isMintedThinkingSignature(signature)).toBe(true);
    expect(thinkingOfSignature(signature)).toBe(thinking);
    expect(thinkingOfSignature(mintThinkingSignature(''))).toBe('');
  });

  it('recognise the older hash-only form but restore nothing from it or from foreign signatures', () => {
    const hashOnly = 'okiro1.YlkI0GkUx9-lr7E_BOtk-AvuCVn5sby9eUCPZg0_hyc';
    expect(isMintedThinkingSignature(hashOnly)).toBe(true);
    expect(thinkingOfSignature(hashOnly)).toBeUndefined();
    expect(isMintedThinkingSignature('EqQBCkgIARABGAIiQL')).toBe(false);
    expect(thinkingOfSignature('EqQBCkgIARABGAIiQL')).toBeUndefined();
  });
});
